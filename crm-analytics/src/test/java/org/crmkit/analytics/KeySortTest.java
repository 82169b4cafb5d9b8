package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fold's sort of packed (x, t_x, T) keys orders them as a comparison sort does, whatever their width. */
class KeySortTest {

    @Test
    void keysOfEveryWidthAreSortedAsAComparisonSortSortsThem() {
        Random random = new Random(29);
        for (int bits = 1; bits <= 63; bits++) {
            for (int n : new int[] {0, 1, 2, 1_000, 70_000}) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    // few distinct keys among many, as customers' patterns repeat, and the widest key
                    keys[i] = i % 7 == 0 ? (1L << bits) - 1 : random.nextLong() >>> (64 - bits) >>> random.nextInt(3);
                }
                long[] expected = keys.clone();
                Arrays.sort(expected);

                WeightedHistories.sort(keys, bits);

                assertThat(keys).as("%d keys of %d bits", n, bits).isEqualTo(expected);
            }
        }
    }
}
