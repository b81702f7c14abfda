package org.memdse.report.csv;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Storage that fails the way a disk does: after a budget of bytes (or characters) it lets a
 * part of the next write through, then refuses with the operating system's words ("No space
 * left on device", "Input/output error", ...). Tests of every output path use it where a real
 * fault (a full tmpfs) cannot be arranged.
 */
final class FaultyStorage {
    /** The faults of a write, as the JDK reports them (an IOException with strerror's text). */
    enum Fault {
        DISK_FULL("No space left on device"),
        IO_ERROR("Input/output error"),
        READ_ONLY("Read-only file system"),
        QUOTA("Disk quota exceeded");

        final String text;

        Fault(String text) {
            this.text = text;
        }
    }

    private FaultyStorage() {
    }

    /** A channel to a real file that fails after {@code budget} bytes; truncating fails too if asked. */
    static CsvResultSink.Opener channels(long budget, Fault fault, boolean truncateFails) {
        AtomicLong left = new AtomicLong(budget);
        return (file, options) -> new FaultyChannel(FileChannel.open(file, options), left, fault, truncateFails);
    }

    /** Writers that fail after {@code budget} characters in all, and renames that fail from the {@code move}-th on. */
    static ResultCsvFinisher.Io io(long budget, int failingMove, Fault fault) {
        AtomicLong left = new AtomicLong(budget);
        AtomicInteger moves = new AtomicInteger();
        return new ResultCsvFinisher.Io() {
            @Override
            public Writer create(Path file) throws IOException {
                return new FaultyWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), left, fault);
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                if (moves.incrementAndGet() >= failingMove) {
                    throw new IOException(fault.text);
                }
                ResultCsvFinisher.Io.FILES.move(from, to);
            }
        };
    }

    private static final class FaultyWriter extends FilterWriter {
        private final AtomicLong left;
        private final Fault fault;

        FaultyWriter(Writer out, AtomicLong left, Fault fault) {
            super(out);
            this.left = left;
            this.fault = fault;
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            long allowed = Math.min(len, Math.max(0, left.get()));
            out.write(cbuf, off, (int) allowed);
            left.addAndGet(-allowed);
            if (allowed < len) {
                out.flush(); // the part that fitted reaches the file, as on a real disk
                throw new IOException(fault.text);
            }
        }
    }

    /** A file channel whose writes stop after a shared budget. */
    private static final class FaultyChannel extends FileChannel {
        private final FileChannel real;
        private final AtomicLong left;
        private final Fault fault;
        private final boolean truncateFails;

        FaultyChannel(FileChannel real, AtomicLong left, Fault fault, boolean truncateFails) {
            this.real = real;
            this.left = left;
            this.fault = fault;
            this.truncateFails = truncateFails;
        }

        private int limited(ByteBuffer src, long position, boolean positional) throws IOException {
            long budget = left.get();
            if (budget <= 0) {
                throw new IOException(fault.text);
            }
            if (src.remaining() <= budget) {
                int n = positional ? real.write(src, position) : real.write(src);
                left.addAndGet(-n);
                return n;
            }
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + (int) budget);
            int n = positional ? real.write(part, position) : real.write(part);
            src.position(src.position() + n);
            left.addAndGet(-n);
            return n; // a short write: the caller comes back for the rest, and fails then
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return limited(src, 0, false);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return limited(src, position, true);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (truncateFails) {
                throw new IOException(fault.text);
            }
            real.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException(fault.text);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
