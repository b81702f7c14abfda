package org.memdse.core.spec;

import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text already in memory, in linear time. SnakeYAML's own
 * {@link StreamReader} reads 1,024 characters at a time and copies its whole window on every
 * read while a token is being scanned, so a long scalar costs time quadratic in its length (a
 * 10 MB quoted string took 25 s of processor time); here the text's code points are decoded
 * once and every operation is an index into them. Positions (index, line, column) move exactly
 * as SnakeYAML's reader moves them, so marks and messages are the same.
 *
 * <p>A text of Latin-1 characters only (nearly every file: they are ASCII) is indexed as its
 * bytes, one a character, with no array of code points: for a 10 MB file that array was 40 MB,
 * built before the parser could start and copied by the first young collections. Its marks then
 * carry no text for SnakeYAML's snippet ({@link Mark#get_snippet()}), which memdse never prints:
 * messages are made of a problem's context, problem and marks' lines and columns (SpecLoader).
 *
 * <p>SnakeYAML refuses non-printable characters as it reads them; {@link #firstNonPrintable}
 * finds the first one up front so that the caller can report it at its line and column.
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'reader'";
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    /** What a mark of a Latin-1 text holds as its snippet's text: nothing. */
    private static final int[] NO_SNIPPET = new int[0];

    /** The text's characters, each below U+0100, one a byte; or null, and then {@link #codePoints}. */
    private final byte[] latin1;
    /** The text's code points when it has characters above U+00FF (or {@link #exactSnippets}); else null. */
    private final int[] codePoints;
    /** Characters (code points) in the text. */
    private final int length;
    /**
     * The text itself when each of its characters is one code point (no surrogate pair), else
     * null: then a code point's index is a character's, and {@link #prefix} copies the text's
     * characters rather than building a string from code points (a third of the parser's own
     * work on a long file).
     */
    private final String bmpText;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        this(text, false);
    }

    /**
     * @param exactSnippets whether marks carry the text's code points, as SnakeYAML's own reader's
     *                      do, for a message that prints a snippet (none of memdse's does)
     */
    WholeTextReader(String text, boolean exactSnippets) {
        super("");
        this.latin1 = exactSnippets ? null : latin1(text);
        this.codePoints = latin1 == null ? codePointsOf(text) : null;
        this.length = latin1 != null ? latin1.length : codePoints.length;
        this.bmpText = length == text.length() ? text : null;
    }

    /**
     * The text's characters as bytes if every one is below U+0100, else null. Encoding as
     * ISO-8859-1 turns a character above U+00FF into '?': the bytes are the text only if they
     * read back as it (both steps are array copies; the comparison fails at once for a text
     * Java keeps in two bytes a character, as it keeps every text with such a character).
     */
    static byte[] latin1(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, StandardCharsets.ISO_8859_1).equals(text) ? bytes : null;
    }

    /**
     * The text's code points (as {@code text.codePoints().toArray()}, without a stream's buffers):
     * one pass over its characters, a surrogate pair made one code point and a lone surrogate
     * kept as it is, as {@link String#codePointAt} does.
     */
    static int[] codePointsOf(String text) {
        char[] chars = text.toCharArray();
        int[] out = new int[chars.length];
        int j = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                out[j++] = Character.toCodePoint(c, chars[++i]);
            } else {
                out[j++] = c;
            }
        }
        return j == out.length ? out : java.util.Arrays.copyOf(out, j);
    }

    /** The index (in code points) of the first character SnakeYAML does not accept, or -1. */
    static int firstNonPrintable(int[] codePoints) {
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            // Printable ASCII and line feeds, nearly every character of a file, without the full test.
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                continue;
            }
            if (!isPrintable(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The index (in code points) of the first character of the text that SnakeYAML does not accept, or -1. */
    int firstNonPrintable() {
        if (codePoints != null) {
            return firstNonPrintable(codePoints);
        }
        for (int i = 0; i < latin1.length; i++) {
            int c = latin1[i] & 0xff;
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                continue;
            }
            if (!isPrintable(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The code point at {@code index}, which is in the text. */
    int codePointAt(int index) {
        return latin1 != null ? latin1[index] & 0xff : codePoints[index];
    }

    /**
     * The last mark made and where: SnakeYAML asks several times at one position (a token's start,
     * a possible simple key, an event's start), and a mark depends on the position alone.
     */
    private Mark mark;

    @Override
    public Mark getMark() {
        Mark m = mark;
        if (m == null || m.getIndex() != index) {
            m = codePoints != null ? new Mark(NAME, index, line, column, codePoints, Math.min(index, length))
                    : new Mark(NAME, index, line, column, NO_SNIPPET, 0);
            mark = m;
        }
        return m;
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && index < this.length; i++) {
            int c = codePointAt(index++);
            documentIndex++;
            if (c >= 0x20 && c <= 0x7E) {
                column++; // printable ASCII: no line break, no byte-order mark
            } else if (Constant.LINEBR.has(c) || c == '\r' && index < this.length && codePointAt(index) != '\n') {
                line++;
                column = 0;
            } else if (c != BYTE_ORDER_MARK) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        int i = index;
        if (i >= length) {
            return 0;
        }
        return latin1 != null ? latin1[i] & 0xff : codePoints[i];
    }

    @Override
    public int peek(int offset) {
        int at = index + offset;
        if (at < 0 || at >= length) {
            return 0;
        }
        return latin1 != null ? latin1[at] & 0xff : codePoints[at];
    }

    @Override
    public String prefix(int length) {
        if (length == 0 || index >= this.length) {
            return "";
        }
        int count = Math.min(length, this.length - index);
        return bmpText != null ? bmpText.substring(index, index + count) : new String(codePoints, index, count);
    }

    /** As SnakeYAML's: the position moves by {@code length} on one line (callers never cross a line break). */
    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
