package org.crmkit.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * Summarizes a purchase file in parts on several threads: the file cut at line ends into parts of about equal size,
 * each part summarized by its own thread into its own summarizer, and the parts' summarizers joined in file order
 * ({@link CustomerSummarizer#follow}), which gives what one pass over the file gives: the same summaries to the last
 * digit, customers in the order they first appear, the same count of records.
 *
 * <p>Only one pass knows the line a failure is at (a later part does not know how many lines come before it), so a
 * failure of any part (malformed input, a customer's purchases out of date order within or across parts, an empty
 * file, a file that cannot be read) gives up the parts, leaving the summarizer unchanged, and the caller reads the
 * file in one pass, which reports it.
 */
final class FileParts {

    /** The smallest part worth a thread of its own: below it, starting the thread and joining cost more. */
    private static final long MIN_PART_BYTES = 1 << 20;

    /** The most parts: each one more costs a join, done by one thread after the others. */
    private static final int MAX_PARTS = 8;

    /** The bytes of input per customer a part's tables are first sized for (a purchase line is 15 bytes or more). */
    private static final long BYTES_PER_CUSTOMER = 64;

    /** The most customers a part's tables are first sized for. */
    private static final long MAX_EXPECTED_CUSTOMERS = 1 << 20;

    private FileParts() {}

    /** How many parts the file is worth reading in: one per processor, each of at least a megabyte. */
    static int partsFor(Path file) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 1;
        }
        long parts = Math.min(Runtime.getRuntime().availableProcessors(), size / MIN_PART_BYTES);
        return (int) Math.max(1, Math.min(MAX_PARTS, parts));
    }

    /**
     * Summarizes the file in at most {@code parts} parts into the summarizer.
     *
     * @return the number of records read, or -1, the summarizer unchanged, when the file must be read in one pass
     */
    static long summarize(PurchaseCsvReader reader, Path file, CustomerSummarizer summarizer, int parts) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] bounds = bounds(channel, parts);
            int n = bounds.length - 1;
            if (n < 2) {
                return -1;
            }
            CustomerSummarizer[] summarizers = new CustomerSummarizer[n];
            long[] records = new long[n];
            List<ForkJoinTask<?>> later = new ArrayList<>();
            boolean read;
            try {
                // The first part in this thread; the others start once it has resolved the columns from the header.
                summarizers[0] = summarizer.emptyCopy(expectedCustomers(bounds[1]));
                records[0] = reader.summarizePart(new Part(channel, 0, bounds[1]), summarizers[0], null, columns -> {
                    for (int k = 1; k < n; k++) {
                        int part = k;
                        PurchaseColumns own = columns.copy();
                        summarizers[part] = summarizer.emptyCopy(expectedCustomers(bounds[part + 1] - bounds[part]));
                        later.add(ForkJoinTask.adapt(() -> records[part] = reader.summarizePart(
                                        new Part(channel, bounds[part], bounds[part + 1]),
                                        summarizers[part],
                                        own,
                                        resolved -> {}))
                                .fork());
                    }
                });
                read = !later.isEmpty();
            } catch (IOException | RuntimeException failed) {
                read = false;
            }
            for (ForkJoinTask<?> task : later) {
                read &= joined(task);
            }
            if (!read) {
                return -1;
            }
            long total = records[0];
            for (int k = 1; k < n; k++) {
                if (!summarizers[0].follow(summarizers[k])) {
                    return -1;
                }
                total += records[k];
            }
            return total > 0 && summarizer.follow(summarizers[0]) ? total : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The customers a part's tables have room for at first: one per {@link #BYTES_PER_CUSTOMER} bytes, so that a part
     * of a file with a line or more of that length per customer fills them without growing (each growth copies
     * them), and one of few customers costs at most about its own size in memory.
     */
    static int expectedCustomers(long partBytes) {
        return (int) Math.max(
                CustomerStates.INITIAL_CAPACITY, Math.min(MAX_EXPECTED_CUSTOMERS, partBytes / BYTES_PER_CUSTOMER));
    }

    /** Whether the task ended without failing. */
    private static boolean joined(ForkJoinTask<?> task) {
        try {
            task.join();
            return true;
        } catch (RuntimeException failed) {
            return false;
        }
    }

    /**
     * Where the parts start and end: 0, each a line start after about {@code size k / parts}, and the size; a part
     * that would be empty is left out.
     */
    static long[] bounds(FileChannel channel, int parts) throws IOException {
        long size = channel.size();
        long[] bounds = new long[parts + 1];
        int n = 0;
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        for (int k = 1; k < parts; k++) {
            long bound = afterLineFeed(channel, Math.max(size * k / parts, bounds[n]), size, buffer);
            if (bound > bounds[n] && bound < size) {
                bounds[++n] = bound;
            }
        }
        bounds[++n] = size;
        long[] result = new long[n + 1];
        System.arraycopy(bounds, 0, result, 0, n + 1);
        return result;
    }

    /**
     * The position after the first line feed at or after {@code from}; the size when there is none. A line ends at
     * {@code \n}, {@code \r\n} or {@code \r}: after a {@code \n} a line starts in every case.
     */
    private static long afterLineFeed(FileChannel channel, long from, long size, ByteBuffer buffer) throws IOException {
        long position = from;
        while (position < size) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return size;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
        return size;
    }

    /** The bytes of a part of the file, read at their positions (threads share the channel). */
    private static final class Part extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        Part(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(length, end - position);
            int read = channel.read(ByteBuffer.wrap(bytes, offset, wanted), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read <= 0 ? -1 : one[0] & 0xFF;
        }
    }
}
