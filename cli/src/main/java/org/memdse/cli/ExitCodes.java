package org.memdse.cli;

/** Exit codes of every memdse command (listed in {@code --help}). */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Something failed that is not the user's input (a bug, an I/O failure writing output). */
    public static final int FAILURE = 1;
    /** Bad input: a file, an option or an argument; the message says what and where. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
