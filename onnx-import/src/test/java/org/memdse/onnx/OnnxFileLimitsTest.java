package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.spec.SpecException;

/** ONNX files are regular files of at most 1 GiB; anything else is refused before it is read. */
class OnnxFileLimitsTest {
    @TempDir
    Path dir;

    private static String error(Path file) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> OnnxModelReader.read(file));
        assertThat(e).as("%s was read", file).isNotNull();
        return e.diagnostics().get(0).toString();
    }

    @Test
    void aModelLargerThanOneGibibyteIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.onnx");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(OnnxModelReader.MAX_BYTES + 1);  // sparse: nothing is written
        }
        assertThat(error(huge)).isEqualTo(huge + ": error: cannot read the file: is 1073741825 bytes, more than the 1 GiB memdse reads");
        assertThat(OnnxNetworkReader.isOnnx(huge)).isFalse();
    }

    @Test
    void aDirectoryAndADeviceAreRefused() {
        assertThat(error(dir)).endsWith("cannot read the file: is a directory, not a file");
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        assertThat(error(Path.of("/dev/zero"))).endsWith("cannot read the file: is not a regular file (a device, a pipe "
                + "or a socket); give a file");
        assertThat(OnnxNetworkReader.isOnnx(Path.of("/dev/zero"))).isFalse();
    }
}
