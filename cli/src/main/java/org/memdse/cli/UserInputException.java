package org.memdse.cli;

/**
 * A command-line mistake found after parsing (e.g. a name that is neither a file nor a bundled
 * description). Printed without a stack trace; exit code 2.
 */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
