package org.memdse.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.report.ReportFiles;
import org.memdse.report.compare.Comparison;
import org.memdse.report.compare.Fixtures;
import org.memdse.report.csv.SweepResultsReader;
import org.memdse.report.sweep.SweepResults;

/**
 * Opens the reports in headless Chromium (Debian package {@code chromium}), takes a screenshot
 * and checks that the page rendered: the PNG exists and is far from blank. The screenshots stay
 * in {@code target/screenshots} for people to look at.
 */
class ChromiumRenderTest {
    /** Debian's chromium; the property lets .ci/run check the suite as on a machine without it. */
    static final Path CHROMIUM = Path.of(System.getProperty("memdse.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    @Test
    void theComparisonReportRendersInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing; apt-get install chromium");
        Comparison c = Fixtures.compare(List.of(Fixtures.bundled("fig4-hybrid"), Fixtures.fig4Adc2()),
                List.of(Fixtures.network("fig4-hybrid")));
        Path html = dir.resolve("comparison.html");
        ReportFiles.write(html, CompareHtmlWriter.write(c));
        BufferedImage shot = screenshot(html, "comparison.png");
        assertThat(nonWhiteShare(shot)).as("share of non-white pixels").isGreaterThan(0.03);
    }

    @Test
    void theSweepReportRendersInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing; apt-get install chromium");
        SweepResults r;
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/org/memdse/report/sweep/small-sweep.csv"), StandardCharsets.UTF_8)) {
            r = SweepResultsReader.read(in, "small-sweep.csv");
        }
        Path html = dir.resolve("sweep.html");
        ReportFiles.write(html, SweepHtmlWriter.write(r, "energy_pj", "latency_ns", List.of("area_mm2", "energy_pj",
                "latency_ns", "tops_per_w")));
        BufferedImage shot = screenshot(html, "sweep.png");
        assertThat(nonWhiteShare(shot)).as("share of non-white pixels").isGreaterThan(0.03);
    }

    private BufferedImage screenshot(Path html, String name) throws IOException, InterruptedException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Path png = out.resolve(name).toAbsolutePath();
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png,
                "--window-size=1280,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished within 90 s").isTrue();
        assertThat(png).as("screenshot (chromium log: %s)", Files.readString(dir.resolve("chromium.log"))).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        return image;
    }

    static double nonWhiteShare(BufferedImage image) {
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    nonWhite++;
                }
            }
        }
        return nonWhite / (double) ((long) image.getWidth() * image.getHeight());
    }
}
