package org.memdse.cli;

/** The only {@code main} of memdse: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MemdseCommand.commandLine().execute(args));
    }
}
