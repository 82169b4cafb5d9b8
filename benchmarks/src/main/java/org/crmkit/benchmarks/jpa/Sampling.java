package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** Timings of a query sampled after a warm-up, printed as median, p90, p99 and maximum, and the machine's load. */
final class Sampling {

    private Sampling() {}

    /** Runs the query a fifth of {@code samples} times to warm up, then {@code samples} times, and prints them. */
    static void measure(String label, int samples, Supplier<?> query) {
        for (int i = 0; i < Math.max(1, samples / 5); i++) {
            query.get();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            nanos[i] = time(query);
        }
        print(label, nanos);
    }

    static long time(Supplier<?> query) {
        long start = System.nanoTime();
        query.get();
        return System.nanoTime() - start;
    }

    /** Prints the median, p90, p99 and maximum of the timings (which it sorts). */
    static void print(String label, long[] nanos) {
        int samples = nanos.length;
        Arrays.sort(nanos);
        System.out.printf(
                "%-66s median %8.2f ms  p90 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (%d samples)%n",
                label,
                nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.9)] / 1e6,
                nanos[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)] / 1e6,
                nanos[samples - 1] / 1e6,
                samples);
    }

    /** The load average of the machine, as {@code /proc/loadavg} says. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
