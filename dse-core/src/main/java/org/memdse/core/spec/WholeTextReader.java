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
    /** The index of the first character SnakeYAML refuses, or -1 ({@link #firstNonPrintable()}). */
    private final int firstNonPrintable;
    /** Whether one of '&amp;', '*' or '!' is in the text before {@link #firstNonPrintable} (or anywhere if none). */
    private final boolean propertyCharacters;
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
        byte[] bytes = exactSnippets ? null : text.getBytes(StandardCharsets.ISO_8859_1);
        long scan = bytes == null ? NOT_LATIN1 : scanLatin1(bytes, text);
        if (scan != NOT_LATIN1) {
            this.latin1 = bytes;
            this.codePoints = null;
            this.firstNonPrintable = (int) (scan >> 1);
            this.propertyCharacters = (scan & 1) != 0;
        } else {
            this.latin1 = null;
            this.codePoints = codePointsOf(text);
            this.firstNonPrintable = firstNonPrintable(codePoints);
            this.propertyCharacters = text.indexOf('&') >= 0 || text.indexOf('*') >= 0 || text.indexOf('!') >= 0;
        }
        this.length = latin1 != null ? latin1.length : codePoints.length;
        this.bmpText = length == text.length() ? text : null;
    }

    /** {@link #scanLatin1}'s answer for a text with a character above U+00FF. */
    private static final long NOT_LATIN1 = Long.MIN_VALUE;
    /** What {@link #scanLatin1} does with each byte: pass it, check '?', note a property character, test it. */
    private static final byte PASS = 0;
    private static final byte QUESTION_MARK = 1;
    private static final byte PROPERTY = 2;
    private static final byte TEST = 3;
    private static final byte[] BYTE_KIND = new byte[256];

    static {
        java.util.Arrays.fill(BYTE_KIND, TEST);
        for (int c = 0x20; c <= 0x7E; c++) {
            BYTE_KIND[c] = PASS;
        }
        BYTE_KIND['\n'] = PASS;
        BYTE_KIND['?'] = QUESTION_MARK;
        BYTE_KIND['&'] = PROPERTY;
        BYTE_KIND['*'] = PROPERTY;
        BYTE_KIND['!'] = PROPERTY;
    }

    /**
     * One pass over a text's ISO-8859-1 bytes: whether they are the text (encoding turns a
     * character above U+00FF into '?', so each '?' is checked against the text), where the
     * first character SnakeYAML refuses is, and whether an anchor, alias or tag character comes
     * before it. Returns {@link #NOT_LATIN1}, or that index (-1 for none) times two plus one
     * if such a character was met. Three passes (encoding back, comparing, then looking for
     * refused characters) and three more for '&amp;', '*' and '!' took main 60 ms on a 10 MB file.
     */
    private static long scanLatin1(byte[] bytes, String text) {
        boolean property = false;
        int bad = -1;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            byte kind = BYTE_KIND[c];
            if (kind == PASS) {
                continue;
            }
            if (kind == PROPERTY) {
                property = true;
            } else if (kind == QUESTION_MARK) {
                if (text.charAt(i) != '?') {
                    return NOT_LATIN1;
                }
            } else if (!isPrintable(c)) {
                bad = i;
                break;
            }
        }
        return ((long) bad << 1) | (property ? 1 : 0);
    }

    /**
     * The text's characters as bytes if every one is below U+0100, else null (as the reader keeps
     * them: a test's view).
     */
    static byte[] latin1(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return scanLatin1(bytes, text) == NOT_LATIN1 ? null : bytes;
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
        return firstNonPrintable;
    }

    /**
     * Whether the text can hold no anchor ('&amp;'), alias ('*') or tag ('!'): none of the three
     * characters is in it. Only meaningful for a text with no refused character.
     */
    boolean withoutNodeProperties() {
        return !propertyCharacters;
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
