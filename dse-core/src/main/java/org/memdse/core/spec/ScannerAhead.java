package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.tokens.Token;

/**
 * SnakeYAML's scanner run on a thread of its own, ahead of the parser that reads its tokens: for
 * a long document, scanning (four fifths of parsing a 10 MB network file) then overlaps with
 * parsing, composing the nodes and reading them on a second processor. The split is the even
 * one: with the parser on the scanner's thread too (as memdse first did), that thread was the
 * slower of the two and the reader waited for it.
 *
 * <p>The parser sees the same tokens, and a problem the scanner finds (a
 * {@link org.yaml.snakeyaml.error.MarkedYAMLException} with its marks) is thrown to the parser
 * where the scanner alone would throw it. SnakeYAML's scanner works only when asked: it scans on
 * at the first look ({@link #checkToken}, {@link #peekToken}) after a token is taken, until the
 * next token is settled, and {@link #getToken} takes one without scanning. The thread asks just
 * so, one look before each take, so its scanner passes through the same states as the parser's
 * own would; a problem found at the look before token {@code n} is thrown at the parser's first
 * look after it has taken {@code n - 1} tokens, and the tokens scanned before the problem but
 * not yet taken stay takeable, as in the scanner's own list. The tokens travel in batches
 * through a short bounded queue. {@link #close()} stops the thread when the parser gives up early.
 *
 * <p>{@link #resetDocumentIndex()} does nothing: the scanner's document index only serves
 * {@link org.yaml.snakeyaml.LoaderOptions#getCodePointLimit()}, and this class is used only for a
 * text no longer than that limit, which the index can then never pass.
 */
final class ScannerAhead implements Scanner, AutoCloseable {
    /** Tokens per hand-over: a few dozen layers of a network file, so the queue's locking is rare. */
    private static final int BATCH = 1024;
    /** Batches the scanner may run ahead: enough to ride out the parser's pauses, few enough to hold little. */
    private static final int AHEAD = 2;

    /**
     * Tokens scanned, in order, with their kinds: looked up on the scanner's thread, as the parser
     * asks for a token's kind several times (a call through each token class's own method, and a
     * cache miss on a token scanned on the other processor: a tenth of the parser's thread).
     */
    private record Batch(Token[] tokens, Token.ID[] ids, int size) {
    }

    /** What the scanner threw, and the tokens it had scanned but the thread had not taken. */
    private record Failure(Throwable thrown, List<Token> scanned) {
    }

    /** A look for a token of any kind, without a new empty array of kinds each time (a call with no arguments makes one). */
    private static final Token.ID[] ANY = new Token.ID[0];

    /** The scanner reached the end of the stream. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    /**
     * Batches read to the end, handed back for the scanner to fill again (their tokens cleared as
     * taken): a 10 MB file's five million tokens would otherwise take 40 MB of arrays.
     */
    private final java.util.Queue<Batch> read = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Thread thread;
    private Token[] tokens = new Token[0];
    private Token.ID[] ids = new Token.ID[0];
    private int next;
    private int size;
    private boolean ended;
    /** What the scanner threw, thrown again at the parser's first look once the tokens before it are taken. */
    private Failure failure;
    private int scannedTaken;

    ScannerAhead(Scanner scanner) {
        thread = new Thread(() -> produce(scanner), "memdse-yaml-scanner");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Scanner scanner) {
        Batch empty = emptyBatch();
        Token[] batch = empty.tokens();
        Token.ID[] batchIds = empty.ids();
        int n = 0;
        Object last = END;
        try {
            try {
                while (scanner.checkToken(ANY)) { // the one look before each take
                    Token t = scanner.getToken();
                    batch[n] = t;
                    batchIds[n++] = t.getTokenId();
                    if (n == BATCH) {
                        queue.put(new Batch(batch, batchIds, n));
                        empty = emptyBatch();
                        batch = empty.tokens();
                        batchIds = empty.ids();
                        n = 0;
                    }
                }
            } catch (RuntimeException | Error e) {
                last = new Failure(e, takeScanned(scanner)); // after the tokens scanned before it
            }
            if (n > 0) {
                queue.put(new Batch(batch, batchIds, n));
            }
            queue.put(last);
        } catch (InterruptedException stop) {
            // closed: nobody reads on
        }
    }

    /** A batch read to the end if there is one, else a new one. */
    private Batch emptyBatch() {
        Batch b = read.poll();
        return b != null ? b : new Batch(new Token[BATCH], new Token.ID[BATCH], 0);
    }

    /** The tokens a scanner holds, taken without looking (which would scan again): until its list is empty. */
    private static List<Token> takeScanned(Scanner scanner) {
        List<Token> scanned = new ArrayList<>();
        try {
            while (true) {
                scanned.add(scanner.getToken());
            }
        } catch (IndexOutOfBoundsException empty) {
            return scanned;
        } catch (RuntimeException other) {
            return scanned;
        }
    }

    /** Whether a token is there to look at; throws what the scanner threw once the tokens before it are taken. */
    private boolean lookable() {
        fill();
        if (next < size) {
            return true;
        }
        if (failure != null) {
            throw rethrown(failure.thrown());
        }
        return false;
    }

    /** Waits for the next batch while the current one is read and the scanner has not ended. */
    private void fill() {
        while (next == size && !ended) {
            Object o = take();
            if (o instanceof Batch b) {
                if (size == BATCH) {
                    read.offer(new Batch(tokens, ids, 0)); // read to the end: every token taken is cleared
                }
                tokens = b.tokens();
                ids = b.ids();
                size = b.size();
                next = 0;
            } else {
                ended = true;
                if (o instanceof Failure f) {
                    failure = f;
                }
            }
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }

    /** The next item from the scanner's thread, waiting as long as it takes (an interrupt is kept for later). */
    private Object take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean checkToken(Token.ID... choices) {
        if (!lookable()) {
            return false;
        }
        if (choices.length == 0) {
            return true;
        }
        Token.ID first = ids[next];
        for (Token.ID choice : choices) {
            if (first == choice) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #checkToken(Token.ID...)} for one choice, without an array a call (ScannerImpl has it too). */
    @Override
    public boolean checkToken(Token.ID choice) {
        return lookable() && ids[next] == choice;
    }

    @Override
    public Token peekToken() {
        if (!lookable()) {
            return new ArrayList<Token>(0).get(0); // as the scanner's own empty list: IndexOutOfBoundsException
        }
        return tokens[next];
    }

    @Override
    public Token getToken() {
        fill();
        if (next < size) {
            Token t = tokens[next];
            tokens[next++] = null; // taken: the batch no longer holds it
            return t;
        }
        if (failure != null && scannedTaken < failure.scanned().size()) {
            return failure.scanned().get(scannedTaken++);
        }
        return new ArrayList<Token>(0).get(0); // as the scanner's own empty list
    }

    @Override
    public void resetDocumentIndex() {
        // See the class comment: the index never reaches the limit it serves.
    }

    /**
     * Stops the scanner's thread if it is still running (the parser gave up early) and waits for
     * it to end, so that no thread outlives the document.
     */
    @Override
    public void close() {
        thread.interrupt();
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the scanner's thread has ended. */
    boolean stopped() {
        return !thread.isAlive();
    }
}
