package org.crmkit.analytics;

import java.util.Arrays;

/**
 * The distinct values among many doubles, ascending as {@link Double#compare} orders them, and for each value its
 * index among them. Customers' recencies and ages take few distinct values (whole days in some unit): a hash table
 * over the values' bits finds them and only they are sorted, where sorting every value and searching each among
 * them took most of the fold of 300,000 customers.
 */
final class DistinctValues {

    /** The distinct values, ascending. */
    final double[] values;
    /** For each value given, the index of its value in {@link #values}. */
    final int[] index;

    private DistinctValues(double[] values, int[] index) {
        this.values = values;
        this.index = index;
    }

    static DistinctValues of(double[] all) {
        Numbering numbering = new Numbering();
        int[] index = numbering.numbersOf(all);
        double[] sorted = Arrays.copyOf(numbering.found, numbering.count);
        Arrays.sort(sorted);
        renumber(index, ranks(numbering, sorted));
        return new DistinctValues(sorted, index);
    }

    // Each loop a method of its own: they run once per call, compiled while they run (on-stack replacement), and
    // one method holding all of them was compiled again for each loop.

    /** For each number the values were given, the rank of its value among the sorted distinct values. */
    private static int[] ranks(Numbering numbering, double[] sorted) {
        int[] rankOfNumber = new int[numbering.count];
        for (int number = 0; number < numbering.count; number++) {
            rankOfNumber[number] = Arrays.binarySearch(sorted, numbering.found[number]);
        }
        return rankOfNumber;
    }

    /** Replaces each number in {@code index} by the rank of its value. */
    private static void renumber(int[] index, int[] rankOfNumber) {
        for (int i = 0; i < index.length; i++) {
            index[i] = rankOfNumber[index[i]];
        }
    }

    /** Numbers the distinct values in the order they come, with an open-addressing table over their bits. */
    private static final class Numbering {
        private long[] keys = new long[64];
        /** The number + 1 of the value in each slot, 0 for a free slot; at most half full. */
        private int[] numbers = new int[64];
        /** 64 less the bits of a slot number: a slot is the top bits of the key times a constant. */
        private int shift = 64 - 6;

        private double[] found = new double[32];
        private int count;

        /** The number of each value, in the order given. */
        int[] numbersOf(double[] values) {
            int[] numbered = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                numbered[i] = numberOf(values[i]);
            }
            return numbered;
        }

        int numberOf(double value) {
            long bits = Double.doubleToLongBits(value);
            int slot = slotOf(bits);
            if (numbers[slot] != 0) {
                return numbers[slot] - 1;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count] = value;
            keys[slot] = bits;
            numbers[slot] = ++count;
            if (2 * count > keys.length) {
                grow();
            }
            return count - 1;
        }

        /** The slot holding these bits, or the free slot where they go. */
        private int slotOf(long bits) {
            // The top bits of the product depend on every bit of the key: whole numbers, whose low bits are all
            // zero, would otherwise share one slot.
            int mask = keys.length - 1;
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> shift);
            while (numbers[slot] != 0 && keys[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldNumbers = numbers;
            keys = new long[oldKeys.length * 2];
            numbers = new int[oldKeys.length * 2];
            shift--;
            for (int old = 0; old < oldKeys.length; old++) {
                if (oldNumbers[old] != 0) {
                    int slot = slotOf(oldKeys[old]);
                    keys[slot] = oldKeys[old];
                    numbers[slot] = oldNumbers[old];
                }
            }
        }
    }
}
