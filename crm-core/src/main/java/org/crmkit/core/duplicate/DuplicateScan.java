package org.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.RecordRef;

/**
 * Finds clusters of possible duplicates among many records without comparing every pair: each record gets blocking
 * keys (each email, each phone, the tax id, and per postal code the whole name, its first and its last three
 * letters, for the rules in use), and only records that share a key are compared. A key shared by more than
 * {@link #WINDOW} records (a shared info@ address) compares each record with its next {@code WINDOW} in the key's
 * block only. Keys are kept as 40-bit hashes beside 24-bit record numbers in one sorted {@code long[]}, so memory
 * stays a few words per key; a hash collision only adds comparisons that the rules then reject. At most {@link #MAX_RECORDS}
 * records (an {@code IllegalTransitionException} beyond). Not thread-safe: one scan per instance.
 */
public final class DuplicateScan {

    /** The most records a record is compared with in one block. */
    public static final int WINDOW = 50;

    private static final int RECORD_BITS = 24;
    private static final long RECORD_MASK = (1L << RECORD_BITS) - 1;
    /** At most 2^24 records: the record number's bits. */
    public static final int MAX_RECORDS = 1 << RECORD_BITS;

    private final DuplicateRules rules;
    private final List<MatchProfile> profiles = new ArrayList<>();
    private long[] entries = new long[1 << 16];
    private int size;

    public DuplicateScan(DuplicateRules rules) {
        this.rules = rules;
    }

    /** Adds a stored record (with its record reference) to the scan. */
    public void add(MatchProfile profile) {
        if (profiles.size() == MAX_RECORDS) {
            throw new IllegalTransitionException("a duplicate scan holds at most " + MAX_RECORDS + " records");
        }
        int number = profiles.size();
        profiles.add(profile);
        for (String key : blockingKeys(profile)) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = (hash(key) << RECORD_BITS) | number;
        }
    }

    /** Compares the records that share a key and returns the clusters, largest first, then by first record id. */
    public DuplicateScanResult clusters() {
        long[] sorted = Arrays.copyOf(entries, size);
        Arrays.sort(sorted);
        Map<Long, DuplicatePair> pairs = new HashMap<>();
        long compared = 0;
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] >>> RECORD_BITS == sorted[start] >>> RECORD_BITS) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int j = i + 1; j < end && j <= i + WINDOW; j++) {
                    compared++;
                    compare((int) (sorted[i] & RECORD_MASK), (int) (sorted[j] & RECORD_MASK), pairs);
                }
            }
            start = end;
        }
        return new DuplicateScanResult(profiles.size(), compared, clustersOf(pairs));
    }

    private void compare(int a, int b, Map<Long, DuplicatePair> pairs) {
        int first = Math.min(a, b);
        int second = Math.max(a, b);
        long pairKey = ((long) first << 32) | second;
        if (first == second || pairs.containsKey(pairKey)) {
            return;
        }
        MatchProfile one = profiles.get(first);
        MatchProfile other = profiles.get(second);
        Optional<DuplicateCandidate> candidate = rules.compare(one, other);
        candidate.ifPresent(c -> {
            Set<String> shared = new LinkedHashSet<>(blockingKeys(one));
            shared.retainAll(blockingKeys(other));
            pairs.put(
                    pairKey,
                    new DuplicatePair(one.record(), other.record(), c.score(), c.matches(), List.copyOf(shared)));
        });
    }

    private List<DuplicateCluster> clustersOf(Map<Long, DuplicatePair> pairs) {
        int[] parent = new int[profiles.size()];
        Arrays.setAll(parent, i -> i);
        for (long key : pairs.keySet()) {
            union(parent, (int) (key >>> 32), (int) key);
        }
        Map<Integer, List<Long>> byRoot = new HashMap<>();
        for (long key : pairs.keySet()) {
            byRoot.computeIfAbsent(find(parent, (int) (key >>> 32)), root -> new ArrayList<>())
                    .add(key);
        }
        List<DuplicateCluster> clusters = new ArrayList<>();
        for (List<Long> keys : byRoot.values()) {
            Set<RecordRef> records = new LinkedHashSet<>();
            List<DuplicatePair> clusterPairs = new ArrayList<>();
            keys.stream().sorted().forEach(key -> {
                DuplicatePair pair = pairs.get(key);
                records.add(pair.first());
                records.add(pair.second());
                clusterPairs.add(pair);
            });
            List<RecordRef> ordered =
                    records.stream().sorted(Comparator.comparing(RecordRef::id)).toList();
            clusters.add(new DuplicateCluster(ordered, clusterPairs));
        }
        clusters.sort(
                Comparator.comparingInt((DuplicateCluster c) -> c.records().size())
                        .reversed()
                        .thenComparing(c -> c.records().get(0).id()));
        return clusters;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    /** The keys under which the record is compared with others, for the rules in use. */
    private Set<String> blockingKeys(MatchProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        if (rules.uses(MatchKind.EMAIL)) {
            profile.emails().forEach(email -> keys.add("email:" + email));
        }
        if (rules.uses(MatchKind.PHONE)) {
            profile.phones().forEach(phone -> keys.add("phone:" + phone));
        }
        if (rules.uses(MatchKind.TAX_ID) && profile.taxId() != null) {
            keys.add("taxId:" + profile.taxId());
        }
        String name = profile.name();
        if (!name.isEmpty()) {
            for (String postcode : profile.postcodes()) {
                if (rules.uses(MatchKind.NAME_AND_POSTCODE)) {
                    keys.add("name:" + postcode + "|" + name);
                }
                if (rules.uses(MatchKind.SIMILAR_NAME)) {
                    keys.add("name-start:" + postcode + "|" + name.substring(0, Math.min(3, name.length())));
                    keys.add("name-end:" + postcode + "|" + name.substring(Math.max(0, name.length() - 3)));
                }
            }
        }
        return keys;
    }

    /** A 40-bit hash of the key (FNV-1a over its characters). */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return (hash ^ (hash >>> 40)) & ((1L << 40) - 1);
    }
}
