package org.memdse.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads input files defensively: only regular files (a directory, a device such as
 * {@code /dev/zero}, a FIFO or a socket would hang or exhaust memory), at most a size limit
 * per kind of file, checked before and while reading (a file may grow, and {@code /proc} files
 * report no size). Symbolic links are followed; a link to something that is not a regular file
 * is refused like its target. Problems are {@link IOException}s whose message says what the
 * file is and what was expected, for a diagnostic.
 */
public final class InputFiles {
    /**
     * Largest YAML file (architecture, network, sweep, each include): 16 MiB, about 100 times the
     * largest bundled description; a 16 MiB YAML still reads in about a second.
     */
    public static final long MAX_YAML_BYTES = 16L << 20;

    private InputFiles() {
    }

    /** Why {@code file} cannot be read as an input of at most {@code maxBytes}, or null if it can be tried. */
    public static String problem(Path file, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return describe(e);
        }
        if (attributes.isDirectory()) {
            return "is a directory, not a file";
        }
        if (!attributes.isRegularFile()) {
            return "is not a regular file (a device, a pipe or a socket); give a file";
        }
        if (attributes.size() > maxBytes) {
            // Just over the limit, "1.0 GiB, more than the 1 GiB" would read oddly: then in bytes.
            String found = size(attributes.size());
            boolean sameText = found.equals(size(maxBytes));
            return "is " + (sameText ? attributes.size() + " bytes" : found) + ", more than the " + size(maxBytes)
                    + " memdse reads";
        }
        return null;
    }

    /** The bytes of a regular file of at most {@code maxBytes}. */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        String problem = problem(file, maxBytes);
        if (problem != null) {
            throw new IOException(problem);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = readAtMost(in, Files.size(file), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new IOException(describe(e), e);
        }
        if (bytes.length > maxBytes) {
            // It grew since its size was read, or reports none (/proc files).
            throw new IOException("is more than the " + size(maxBytes) + " memdse reads");
        }
        return bytes;
    }

    /**
     * The stream's bytes, at most {@code limit}, read straight into an array of the size the file
     * reported: reading in chunks and joining them copied a 10 MB file twice more. A file that
     * has grown, or reports no size ({@code /proc}), has the rest read as before.
     */
    static byte[] readAtMost(InputStream in, long reportedSize, int limit) throws IOException {
        byte[] bytes = new byte[(int) Math.min(Math.max(reportedSize, 0), limit)];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n < bytes.length) {
            return java.util.Arrays.copyOf(bytes, n); // shrunk since its size was read
        }
        int next = n == limit ? -1 : in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes(limit - n - 1);
        byte[] all = java.util.Arrays.copyOf(bytes, n + 1 + rest.length);
        all[n] = (byte) next;
        System.arraycopy(rest, 0, all, n + 1, rest.length);
        return all;
    }

    /** The text of a regular UTF-8 file of at most {@code maxBytes}. */
    public static String readText(Path file, long maxBytes) throws IOException {
        return utf8(readBytes(file, maxBytes));
    }

    /**
     * Strict UTF-8: a malformed byte is an error, not a replacement character. The error says
     * where the first bad byte is (line and column as an editor counts them) or, for a file saved
     * as UTF-16 or UTF-32, which encoding its byte-order mark announces, so the user knows what
     * to re-save.
     */
    public static String utf8(byte[] bytes) throws IOException {
        if (ascii(bytes)) {
            // ASCII is UTF-8 as it stands: copied, not decoded (a decoder's buffers were a tenth
            // of reading a 10 MB network file's text). As ISO-8859-1, which is the same for ASCII
            // and is a plain copy: US-ASCII would look for bytes above 127 once more.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(notUtf8(bytes), e);
        }
    }

    /** Why {@code bytes} are not UTF-8: a byte-order mark of another encoding, or the first bad byte. */
    static String notUtf8(byte[] bytes) {
        String bom = otherByteOrderMark(bytes);
        if (bom != null) {
            return "not UTF-8 text: it starts with a " + bom + " byte-order mark; save it as UTF-8";
        }
        // Decoding stops at the first malformed sequence: its offset is where the input stopped.
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        int offset = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Columns count characters, as the YAML messages do: continuation bytes (10xxxxxx) are no character.
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                column++;
            }
        }
        return String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X at line %d, column %d (byte offset %d) "
                + "is no UTF-8 character; save the file as UTF-8", bytes[offset] & 0xff, line, column, offset);
    }

    private static String otherByteOrderMark(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
            return "UTF-32 (big-endian)";
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
            return "UTF-32 (little-endian)";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return "UTF-16 (big-endian)";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return "UTF-16 (little-endian)";
        }
        return null;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** "no such file", "permission denied", "too many levels of symbolic links", ... */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A byte count as printed: {@code 16 MiB}, {@code 1.5 GiB}, {@code 300 bytes}. */
    static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        String number = String.format(Locale.ROOT, "%.1f", v);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[u];
    }
}
