package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Board;
import org.memdse.core.arch.BoardTopology;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** {@code board:}: chips, their topology and link, read, checked and written back. */
class BoardFormatTest {
    private static Architecture read(String board) throws IOException {
        String base = Files.readString(MalformedArchitectureTest.folder().resolve("84-board-link-without-bandwidth.yaml"));
        return ArchitectureReader.read(SpecSource.ofText("board.yaml", base.substring(0, base.lastIndexOf("\nboard:") + 1) + board));
    }

    private static List<String> pairs(Board b) {
        return b.connections().stream().map(String::valueOf).toList();
    }

    @Test
    void regularTopologiesConnectTheirChips() throws IOException {
        String link = "  link: {kind: interposer-2.5d, width: 16 bit, frequency: 4 GHz}\n";
        Board ring = read("board:\n  chips: 4\n  topology: ring\n" + link).board().orElseThrow();
        assertThat(pairs(ring)).containsExactly("0-1", "1-2", "2-3", "0-3");
        assertThat(ring.hops()[2]).isEqualTo(2);
        assertThat(ring.link().orElseThrow().kind()).contains(ChipLinkKind.INTERPOSER_2_5D);
        assertThat(ring.link().orElseThrow().links()).isEqualTo(1);
        Board line = read("board:\n  chips: 4\n  places: 6\n" + link).board().orElseThrow();
        assertThat(line.topology()).isEqualTo(BoardTopology.LINE);
        assertThat(line.places()).isEqualTo(6);
        assertThat(line.hops()[3]).isEqualTo(3);
        Board mesh = read("board:\n  chips: 3\n  topology: mesh\n  columns: 2\n  rows: 2\n" + link).board().orElseThrow();
        assertThat(pairs(mesh)).containsExactly("0-1", "0-2");
        assertThat(mesh.places()).isEqualTo(4);
        Board all = read("board:\n  chips: 4\n  topology: all-to-all\n" + link).board().orElseThrow();
        assertThat(all.connections()).hasSize(6);
        assertThat(all.hops()).containsOnly(0, 1);
        Board custom = read("board:\n  chips: 3\n  topology: custom\n  connections: [[0, 2], [2, 1]]\n" + link)
                .board().orElseThrow();
        assertThat(pairs(custom)).containsExactly("0-2", "1-2");
        assertThat(custom.hops()[1]).isEqualTo(2);
    }

    @Test
    void aSingleChipNeedsNoLinkAndNoBoardMeansOneChip() throws IOException {
        assertThat(read("board:\n  chips: 1\n").chips()).isEqualTo(1);
        assertThat(read("").chips()).isEqualTo(1);
        assertThat(read("").board()).isEmpty();
    }

    @Test
    void aBoardOfSeveralChipsNeedsALink() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("board:\n  chips: 2\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("board.yaml:55:3")
                .hasMessageContaining("needs the link that joins them");
    }

    @Test
    void aCustomTopologyOnlyWithConnections() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("board:\n  chips: 2\n  topology: ring\n"
                        + "  connections: [[0, 1]]\n  link: {width: 8 bit, frequency: 1 GHz}\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("board.connections");
    }

    @Test
    void writesWhatItReads() throws IOException {
        for (String board : List.of(
                "board:\n  chips: 4\n  topology: ring\n  link: {kind: serdes, width: 16 bit, frequency: 8 GHz, energy: 5 pJ}\n",
                "board:\n  chips: 3\n  topology: mesh\n  columns: 2\n  rows: 2\n  link: {width: 16 bit, frequency: 8 GHz}\n",
                "board:\n  chips: 3\n  topology: custom\n  connections: [[0, 1], [1, 2]]\n  link: {links: 2, width: 1 bit, frequency: 20 GHz}\n")) {
            Architecture a = read(board);
            Architecture back = ArchitectureReader.read(SpecSource.ofText("back.yaml", ArchitectureWriter.toYaml(a)));
            assertThat(back.board()).isEqualTo(a.board());
        }
    }
}
