package org.memdse.core.spec;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's parser run on a thread of its own, ahead of the composer that reads its events:
 * for a long document, scanning and parsing (about half of reading a 10 MB network file in a
 * fresh JVM) then overlap with composing the nodes and reading them on a second processor.
 *
 * <p>The composer sees the same events in the same order, and a problem the parser finds (a
 * {@link org.yaml.snakeyaml.error.MarkedYAMLException} with its marks) is thrown to the composer
 * at the event where the parser met it, after every event before it: what is read before a YAML
 * error, and the error itself, are what the parser alone gives. The events travel in batches
 * through a short bounded queue, so the parser runs at most a few batches ahead. {@link #close()}
 * stops the thread when the composer gives up early (its own errors: nesting, aliases).
 */
final class ParserAhead implements Parser, AutoCloseable {
    /** Events per hand-over: a few dozen layers of a network file, so the queue's locking is rare. */
    private static final int BATCH = 1024;
    /** Batches the parser may run ahead: enough to ride out the composer's pauses, few enough to hold little. */
    private static final int AHEAD = 4;

    /** Events parsed, in order. */
    private record Batch(Event[] events, int size) {
    }

    /** The parser reached the end of the stream. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private Event[] events = new Event[0];
    private int next;
    private int size;
    private boolean ended;
    /** What the parser threw, thrown again here once the events before it are read. */
    private Throwable failure;

    ParserAhead(Parser parser) {
        thread = new Thread(() -> produce(parser), "memdse-yaml-parser");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Parser parser) {
        Event[] batch = new Event[BATCH];
        int n = 0;
        Object last = END;
        try {
            try {
                for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
                    batch[n++] = e;
                    if (n == BATCH) {
                        queue.put(new Batch(batch, n));
                        batch = new Event[BATCH];
                        n = 0;
                    }
                }
            } catch (RuntimeException | Error e) {
                last = e; // after the events parsed before it
            }
            if (n > 0) {
                queue.put(new Batch(batch, n));
            }
            queue.put(last);
        } catch (InterruptedException stop) {
            // closed: nobody reads on
        }
    }

    /** Whether an event is there to read; throws what the parser threw once the events before it are read. */
    private boolean available() {
        while (next == size && !ended) {
            Object o = take();
            if (o instanceof Batch b) {
                events = b.events();
                size = b.size();
                next = 0;
            } else {
                ended = true;
                if (o != END) {
                    failure = (Throwable) o;
                }
            }
        }
        if (next < size) {
            return true;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return false;
    }

    /** The next item from the parser's thread, waiting as long as it takes (an interrupt is kept for later). */
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
    public boolean checkEvent(Event.ID choice) {
        return available() && events[next].getEventId() == choice;
    }

    @Override
    public Event peekEvent() {
        return available() ? events[next] : null;
    }

    @Override
    public Event getEvent() {
        if (!available()) {
            return null;
        }
        Event e = events[next];
        events[next++] = null; // read: the batch no longer holds it
        return e;
    }

    /**
     * Stops the parser's thread if it is still running (the composer gave up early) and waits for
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

    /** Whether the parser's thread has ended. */
    boolean stopped() {
        return !thread.isAlive();
    }
}
