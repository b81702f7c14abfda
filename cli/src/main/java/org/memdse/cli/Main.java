package org.memdse.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.memdse.report.OutputFailure;

/** The only {@code main} of memdse: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput stdout = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout), true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = MemdseCommand.commandLine(out, err, args).execute(args);
        out.flush();
        IOException failed = stdout.failure;
        if (failed != null && !OutputFailure.reason(failed).contains("Broken pipe") && code == ExitCodes.OK) {
            // A PrintWriter swallows write errors: without this, 'memdse describe X > /full/disk.yaml'
            // would end with exit code 0 and half a file.
            err.println("memdse: cannot write the standard output: " + OutputFailure.reason(failed)
                    + "; what was written is incomplete");
            code = ExitCodes.FAILURE;
        }
        System.exit(code);
    }

    /**
     * Standard output that remembers the first write error. A closed pipe ({@code memdse catalog | head})
     * is not an error worth a message: the reader has what it wanted.
     */
    private static final class StandardOutput extends OutputStream {
        private final OutputStream out;
        private IOException failure;

        StandardOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
