package org.memdse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, capturing what it prints and its exit code. */
record CliRunner(int exitCode, String out, String err) {
    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MemdseCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
