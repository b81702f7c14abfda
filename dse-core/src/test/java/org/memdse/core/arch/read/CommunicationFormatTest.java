package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PacketFormat;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** Links with bandwidth, packets with headers and chip-to-chip link kinds, read and written back. */
class CommunicationFormatTest {
    private static String withInterconnect(String interconnect) throws IOException {
        String base = Files.readString(MalformedArchitectureTest.folder().resolve("80-chip-link-without-bandwidth.yaml"));
        return base.substring(0, base.indexOf("interconnect:")) + interconnect;
    }

    private static final String FULL = """
            interconnect:
              on_chip:
                topology: mesh
                columns: 3
                rows: 3
                flit: 32 bit
                clock: 500 MHz
                packet: {header: 16 bit, payload: 64 bit}
              spikes:
                address: 20 bit
                payload: 8 bit
                east_west: {energy: 3.0 pJ, latency: 4.1 ns}
                north_south: {energy: 4.0 pJ, latency: 6.5 ns}
              chip_to_chip: {links: 4, width: 16 bit, frequency: 4 GHz, kind: interposer-2.5d}
            """;

    @Test
    void readsLinkClockPacketsSpikeDirectionsAndLinkKind() throws IOException {
        Architecture a = ArchitectureReader.read(SpecSource.ofText("full.yaml", withInterconnect(FULL)));
        OnChipNetwork o = a.interconnect().onChip();
        assertThat(o.clockHz().getAsDouble()).isEqualTo(500e6);
        assertThat(o.packet()).contains(new PacketFormat(16, 64));
        SpikeNetwork s = a.interconnect().spikes().orElseThrow();
        assertThat(s.packetBits()).isEqualTo(28);
        assertThat(s.addressBits()).isEqualTo(20);
        assertThat(s.eastWest().energy().getAsDouble()).isCloseTo(3.0e-12, within(1e-18));
        assertThat(s.northSouth().latency().getAsDouble()).isCloseTo(6.5e-9, within(1e-15));
        ChipLinks c = a.interconnect().chipToChip().orElseThrow();
        assertThat(c.kind()).contains(ChipLinkKind.INTERPOSER_2_5D);
        assertThat(c.bandwidthBitsPerSecond()).isEqualTo(64e9);
    }

    @Test
    void writesWhatItReads() throws IOException {
        Architecture a = ArchitectureReader.read(SpecSource.ofText("full.yaml", withInterconnect(FULL)));
        Architecture again = ArchitectureReader.read(SpecSource.ofText("written.yaml", ArchitectureWriter.toYaml(a)));
        assertThat(again.interconnect()).isEqualTo(a.interconnect());
    }

    @Test
    void spikeRoutingIsMulticastUnlessUnicastIsAskedForAndAnUnknownValueIsAnError() throws IOException {
        Architecture multicast = ArchitectureReader.read(SpecSource.ofText("full.yaml", withInterconnect(FULL)));
        assertThat(multicast.interconnect().spikeRouting()).isEqualTo(SpikeDelivery.MULTICAST);
        Architecture unicast = ArchitectureReader.read(SpecSource.ofText("u.yaml",
                withInterconnect(FULL + "  spike_routing: unicast\n")));
        assertThat(unicast.interconnect().spikeRouting()).isEqualTo(SpikeDelivery.UNICAST);
        Architecture again = ArchitectureReader.read(SpecSource.ofText("written.yaml", ArchitectureWriter.toYaml(unicast)));
        assertThat(again.interconnect().spikeRouting()).isEqualTo(SpikeDelivery.UNICAST);
        SpecException e = catchThrowableOfType(SpecException.class, () -> ArchitectureReader.read(
                SpecSource.ofText("bad.yaml", withInterconnect(FULL + "  spike_routing: broadcast\n"))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("bad.yaml:").contains("spike_routing").contains("multicast").contains("unicast");
    }

    @Test
    void aLinkWithoutAKindIsSerialFromOneGigabitPerSecond() {
        assertThat(new ChipLinks(1, 32, 1.6e9, org.memdse.core.arch.PublishedFigures.NONE).effectiveKind())
                .isEqualTo(ChipLinkKind.SERDES);
        assertThat(new ChipLinks(1, 1, 100e6, org.memdse.core.arch.PublishedFigures.NONE).effectiveKind())
                .isEqualTo(ChipLinkKind.PARALLEL);
    }

    @Test
    void packetsCarryTheirHeadersInWholeFlits() {
        PacketFormat p = new PacketFormat(16, 64);
        // 200 bits: 3 full packets of (16 + 64) / 32 -> 3 flits each, then 8 bits + header in 1 flit.
        assertThat(p.flits(200, 32)).isEqualTo(10);
        assertThat(p.packets(200)).isEqualTo(4);
        assertThat(p.flits(0, 32)).isZero();
        // Headers cost: the same bits without them take ceil(200 / 32) = 7 flits.
        assertThat(p.flits(200, 32)).isGreaterThan(Math.ceil(200 / 32.0));
    }
}
