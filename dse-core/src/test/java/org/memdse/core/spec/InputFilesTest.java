package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not regular description files: directories, devices, FIFOs, files too large,
 * symbolic links to any of these and links that loop, as a file argument and as an include.
 * Each is refused before it is read (a FIFO would block, /dev/zero never ends), with the reason.
 */
class InputFilesTest {
    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();
    private final SpecContext context = new SpecContext(diagnostics);

    private List<String> includeErrors(String include) throws IOException {
        Path main = dir.resolve("main.yaml");
        Files.writeString(main, "include: " + include + "\nname: x\n");
        List<SpecLoader.LoadedDocument> documents = SpecLoader.composeWithIncludes(SpecSource.of(main), context);
        assertThat(documents).first().satisfies(d -> assertThat(d.source().displayName()).isEqualTo(main.toString()));
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void readsWhatTheStreamHoldsWhateverSizeTheFileReported() throws IOException {
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        // As reported; grown since (or no size reported, as /proc files); shrunk since.
        for (long reported : List.of(10L, 4L, 0L, 25L)) {
            assertThat(InputFiles.readAtMost(new java.io.ByteArrayInputStream(ten), reported, 100)).as("reported %d", reported)
                    .isEqualTo(ten);
        }
        // At most the limit, which the caller then refuses as too large.
        assertThat(InputFiles.readAtMost(new java.io.ByteArrayInputStream(ten), 4, 7)).hasSize(7);
        assertThat(InputFiles.readAtMost(new java.io.ByteArrayInputStream(ten), 10, 7)).hasSize(7);
        assertThat(InputFiles.readAtMost(new java.io.ByteArrayInputStream(ten), 0, 11)).isEqualTo(ten);
    }

    @Test
    void aDeviceIsRefusedAtTheIncludeLine() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        assertThat(includeErrors("/dev/zero")).containsExactly(dir.resolve("main.yaml")
                + ":1:10: error: include: cannot include '/dev/zero': is not a regular file (a device, a pipe or a "
                + "socket); give a file (looked at /dev/zero)");
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.yaml");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        // Opening a FIFO with no writer blocks: this test would hang if the file were opened.
        assertThat(includeErrors("pipe.yaml")).singleElement().asString()
                .contains("cannot include 'pipe.yaml': is not a regular file");
        assertThat(InputFiles.problem(fifo, InputFiles.MAX_YAML_BYTES)).startsWith("is not a regular file");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Files.createDirectory(dir.resolve("lib"));
        assertThat(includeErrors("lib")).singleElement().asString()
                .endsWith("cannot include 'lib': is a directory, not a file (looked at " + dir.resolve("lib") + ")");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(InputFiles.MAX_YAML_BYTES + 1);  // sparse: no 16 MiB written
        }
        assertThat(includeErrors("huge.yaml")).singleElement().asString()
                .contains("cannot include 'huge.yaml': is 16777217 bytes, more than the 16 MiB memdse reads");
        assertThat(SpecLoader.composeWithIncludes(SpecSource.of(huge), new SpecContext(new Diagnostics()))).isEmpty();
    }

    @Test
    void linksAreFollowedAndALinkToADeviceIsRefusedLikeTheDevice() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        Files.writeString(dir.resolve("real.yaml"), "devices: {}\n");
        Files.createSymbolicLink(dir.resolve("lib.yaml"), dir.resolve("real.yaml"));
        assertThat(includeErrors("[zero.yaml, lib.yaml]")).singleElement().asString()
                .contains("cannot include 'zero.yaml': is not a regular file");
    }

    @Test
    void aLinkLoopIsRefusedWithTheSystemsReason() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
        assertThat(includeErrors("a.yaml")).singleElement().asString().contains("cannot include 'a.yaml': ")
                .doesNotContain("Exception");
    }

    @Test
    void aLinkBackToTheFileBeingReadClosesAnIncludeCycle() throws IOException {
        Files.createSymbolicLink(dir.resolve("again.yaml"), dir.resolve("main.yaml"));
        assertThat(includeErrors("again.yaml")).singleElement().asString().contains("include cycle: 'again.yaml'");
    }

    @Test
    void includesNestAtMost32Deep() throws IOException {
        for (int i = 0; i < 40; i++) {
            Files.writeString(dir.resolve("lib" + i + ".yaml"), "include: lib" + (i + 1) + ".yaml\n");
        }
        Files.writeString(dir.resolve("lib40.yaml"), "devices: {}\n");
        List<String> errors = includeErrors("lib0.yaml");
        assertThat(errors).singleElement().asString().contains("error: include: cannot include 'lib31.yaml': "
                + "includes nest more than 32 levels deep");
    }

    @Test
    void anIncludeThatIsNoFileNameIsAnErrorNotACrash() throws IOException {
        assertThat(includeErrors("\"a\\0b.yaml\"")).singleElement().asString()
                .contains("cannot include 'a\u0000b.yaml': not a valid file name (Nul character not allowed)");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9, '\n'});
        SpecLoader.composeWithIncludes(SpecSource.of(latin1), context);
        assertThat(diagnostics.sorted()).singleElement().asString()
                .isEqualTo(latin1 + ": error: cannot read the file: not UTF-8 text: byte 0xE9 at line 1, column 7 "
                        + "(byte offset 6) is no UTF-8 character; save the file as UTF-8");
    }

    @Test
    void theFirstBadByteIsPlacedByLineAndCharacterColumn() throws IOException {
        // Line 2 holds a two-byte 'é' (one character) before the bad byte: column 5, where counting bytes gives 6.
        byte[] text = "a: 1\nb\u00e9: \u0000".getBytes(StandardCharsets.UTF_8);
        text[text.length - 1] = (byte) 0xff;
        assertThat(InputFiles.notUtf8(text)).isEqualTo(
                "not UTF-8 text: byte 0xFF at line 2, column 5 (byte offset 10) is no UTF-8 character; save the file as UTF-8");
    }

    @Test
    void aFileSavedAsUtf16SaysSo() throws IOException {
        Path utf16 = dir.resolve("utf16.yaml");
        // Java's UTF-16 encoder writes the big-endian byte-order mark FE FF first, as Windows editors do.
        Files.write(utf16, "name: x\n".getBytes(StandardCharsets.UTF_16));
        SpecLoader.composeWithIncludes(SpecSource.of(utf16), context);
        assertThat(diagnostics.sorted()).singleElement().asString().isEqualTo(utf16
                + ": error: cannot read the file: not UTF-8 text: it starts with a UTF-16 (big-endian) byte-order mark; "
                + "save it as UTF-8");
    }

    @Test
    void asciiAndOtherUtf8TextDecodeAsTheStrictDecoderDoes() throws IOException {
        for (String text : List.of("", "name: x\n", "name: caf\u00e9\n", "\uFEFFk: \uD83D\uDE00\u2028\n", "\u007f\u0000a")) {
            assertThat(InputFiles.utf8(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(text);
        }
        // Malformed after an ASCII start, and a lone continuation byte: still refused.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputFiles.utf8(new byte[] {'a', 'b', (byte) 0xc3}))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not UTF-8 text: byte 0xC3 at line 1, column 3 ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputFiles.utf8(new byte[] {(byte) 0x80}))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not UTF-8 text: byte 0x80 at line 1, column 1 ");
    }

    @Test
    void byteCountsReadLikeFileSizes() {
        assertThat(InputFiles.size(300)).isEqualTo("300 bytes");
        assertThat(InputFiles.size(16L << 20)).isEqualTo("16 MiB");
        assertThat(InputFiles.size(3L << 29)).isEqualTo("1.5 GiB");
    }
}
