package org.memdse.cost.registry;

/** No provider prices a component; the message lists every provider's reason. */
public final class NoModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoModelException(String message) {
        super(message);
    }
}
