package org.crmkit.analytics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The customer ids of a summarizer, numbered 0, 1, 2, ... in the order they first appeared: an open-addressing table
 * over the ids' bytes, kept one after the other in one array (no object per customer).
 *
 * <p>An id is kept as its bytes: ASCII as it is (what the CSV reader hands over without making a {@code String}),
 * any other text as a marker byte that ASCII never holds followed by its UTF-16 chars, so that every id has one key
 * and every key gives back its id to the last char.
 */
final class CustomerIds {

    /** Starts an id that is not ASCII; no ASCII byte has this value. */
    private static final byte UTF_16 = (byte) 0xFF;

    private int count;
    /**
     * The customers numbered before this one are in the slots; those after it were appended from another table
     * ({@link #append(CustomerIds, int)}) and go in only when an id is next looked up (a file read in parts looks up
     * none after joining them).
     */
    private int indexed;
    /** The fewest hash slots a table starts with. */
    private static final int MIN_SLOTS = 1024;

    /** Customer number + 1 per slot, 0 for a free slot; at most half full. */
    private int[] slots;
    /** 32 less the bits of a slot number. */
    private int slotShift;
    /**
     * The ids' bytes one after the other; customer c's from {@code bounds[c]} to {@code bounds[c + 1]}
     * ({@code bounds[0]} is 0: the first customer's start needs no test of its own, which the compiler would take
     * for one never true).
     */
    private byte[] bytes = new byte[8192];

    private int[] bounds;
    private int[] hashes;
    /**
     * The customer found last, and where its id's bytes start and how many there are (-1 before the first): a file
     * sorted by customer finds each one without hashing. A table's first look-up fails the comparison of the
     * lengths, as a new customer whose id is longer or shorter than the last one does. (Where all ids have one
     * length, that outcome is rare enough for the compiler to leave it out, and a new table's first look-up can
     * still throw the compiled read loop away, as the test for no customer found yet did.)
     */
    private int last;

    private int lastStart;
    private int lastLength = -1;

    private byte[] key = new byte[64];

    /**
     * A table with room for this many customers before its arrays or its hash slots grow (a part of a file is sized
     * for its customers at once: growing the slots from the fewest to hold 150,000 customers left 4 MB of smaller
     * tables behind it, each filled again).
     */
    CustomerIds(int capacity) {
        bounds = new int[capacity + 1];
        hashes = new int[capacity];
        int size = MIN_SLOTS;
        while (size < 2L * capacity) {
            size *= 2;
        }
        slots = new int[size];
        slotShift = Integer.numberOfLeadingZeros(size) + 1;
    }

    int size() {
        return count;
    }

    /** The number of the customer with this ASCII id, a new one (numbered {@link #size()} before) when not seen. */
    int number(byte[] id, int from, int to) {
        if (to - from == lastLength && Arrays.equals(bytes, lastStart, lastStart + lastLength, id, from, to)) {
            return last;
        }
        index();
        int hash = hash(id, from, to);
        int mask = slots.length - 1;
        for (int slot = firstSlot(hash); ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return found(append(id, from, to, hash, slot));
            }
            int c = entry - 1;
            if (hashes[c] == hash && Arrays.equals(bytes, start(c), bounds[c + 1], id, from, to)) {
                return found(c);
            }
        }
    }

    /** Customer c, noted as the one found last. */
    private int found(int c) {
        last = c;
        lastStart = start(c);
        lastLength = bounds[c + 1] - lastStart;
        return c;
    }

    /** The number of the customer with this id, a new one when it has not been seen. */
    int number(String id) {
        int length = keyOf(id);
        return number(key, 0, length);
    }

    /** The number of the customer with this id; -1 when it has not been seen. */
    int find(String id) {
        index();
        int length = keyOf(id);
        return find(key, 0, length, hash(key, 0, length));
    }

    /**
     * The number here of customer c of another table; -1 when it has not been seen here. Only reads this table
     * (several threads may look up at once) once it is {@linkplain #index() indexed}.
     */
    int find(CustomerIds other, int c) {
        return find(other.bytes, other.start(c), other.bounds[c + 1], other.hashes[c]);
    }

    /**
     * Numbers customer c of another table, known to be new here; it goes in the slots only when an id is next looked
     * up.
     */
    int append(CustomerIds other, int c) {
        int n = count;
        int from = other.start(c);
        int length = other.bounds[c + 1] - from;
        room(n + 1, start(n) + length);
        System.arraycopy(other.bytes, from, bytes, start(n), length);
        bounds[n + 1] = start(n) + length;
        hashes[n] = other.hashes[c];
        count++;
        return n;
    }

    /** Makes room for {@code more} customers, their ids as long as those of {@code other} at most. */
    void reserve(int more, CustomerIds other) {
        int customers = count + more;
        if (customers + 1 > bounds.length) {
            bounds = Arrays.copyOf(bounds, customers + 1);
            hashes = Arrays.copyOf(hashes, customers);
        }
        int length = start(count) + other.start(other.count);
        if (length > bytes.length) {
            bytes = Arrays.copyOf(bytes, length);
        }
    }

    /** Puts the customers appended from another table in the slots, so that every id can be looked up. */
    void index() {
        if (indexed == count) {
            return;
        }
        int size = slots.length;
        while (2 * count > size) {
            size *= 2;
        }
        if (size > slots.length) {
            rehash(size);
        } else {
            for (int c = indexed; c < count; c++) {
                slots[freeSlot(hashes[c])] = c + 1;
            }
        }
        indexed = count;
    }

    /** The id of customer c. */
    String id(int c) {
        int start = start(c);
        int end = bounds[c + 1];
        if (bytes[start] != UTF_16) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[(end - start - 1) / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((bytes[start + 1 + 2 * i] & 0xFF) << 8) | (bytes[start + 2 + 2 * i] & 0xFF));
        }
        return new String(chars);
    }

    private int find(byte[] id, int from, int to, int hash) {
        int mask = slots.length - 1;
        for (int slot = firstSlot(hash); slots[slot] != 0; slot = (slot + 1) & mask) {
            int c = slots[slot] - 1;
            if (hashes[c] == hash && Arrays.equals(bytes, start(c), bounds[c + 1], id, from, to)) {
                return c;
            }
        }
        return -1;
    }

    private int start(int c) {
        return bounds[c];
    }

    /** The id as a key: its ASCII bytes, or the marker and its UTF-16 chars, in {@link #key}; its length. */
    private int keyOf(String id) {
        int n = id.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = id.charAt(i) < 0x80;
        }
        int length = ascii ? n : 1 + 2 * n;
        if (length > key.length) {
            key = new byte[Math.max(length, key.length * 2)];
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                key[i] = (byte) id.charAt(i);
            }
            return length;
        }
        key[0] = UTF_16;
        for (int i = 0; i < n; i++) {
            char ch = id.charAt(i);
            key[1 + 2 * i] = (byte) (ch >>> 8);
            key[2 + 2 * i] = (byte) ch;
        }
        return length;
    }

    private static int hash(byte[] id, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + id[i];
        }
        return h;
    }

    /**
     * Where the search for a hash starts: the top bits of the hash times a constant, which depend on all of its bits
     * (the low bits of the product on its low bits only).
     */
    private int firstSlot(int hash) {
        return (hash * 0x9E3779B9) >>> slotShift;
    }

    /** The free slot where an id known to be new goes. */
    private int freeSlot(int hash) {
        int mask = slots.length - 1;
        int slot = firstSlot(hash);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Numbers a new customer, its id put in the free slot of a table where every customer is indexed; grows the
     * table and the arrays as needed.
     */
    private int append(byte[] id, int from, int to, int hash, int slot) {
        int c = count;
        int start = start(c);
        int end = start + (to - from);
        room(c + 1, end);
        System.arraycopy(id, from, bytes, start, to - from);
        bounds[c + 1] = end;
        hashes[c] = hash;
        slots[slot] = c + 1;
        count++;
        indexed = count;
        if (2 * count > slots.length) {
            rehash(slots.length * 2);
        }
        return c;
    }

    /** Grows the arrays, doubling them, to hold this many customers and bytes of ids. */
    private void room(int customers, int length) {
        if (customers > hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.max(customers, 2 * hashes.length));
            bounds = Arrays.copyOf(bounds, hashes.length + 1);
        }
        if (length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length, 2 * bytes.length));
        }
    }

    /** Moves the ids to a table of {@code size} slots, a power of two. */
    private void rehash(int size) {
        slots = new int[size];
        slotShift = Integer.numberOfLeadingZeros(size) + 1;
        for (int c = 0; c < count; c++) {
            slots[freeSlot(hashes[c])] = c + 1;
        }
        indexed = count;
    }
}
