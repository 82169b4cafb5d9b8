package org.crmkit.core.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactPoints;

/**
 * What the in-memory contact and account repositories share: the store of the party's states with indexes by email
 * (normalised), phone, owner and external reference (unique), and the lookups through them. {@code P} is the party, {@code S} its state.
 */
final class InMemoryParties<P, S extends AggregateState<S>> {

    private final VersionedStore<S> store;
    private final Function<S, P> restore;
    private final Comparator<S> byId = Comparator.comparing(state -> state.id().value());
    private final Comparator<S> nameOrder;
    private final InMemoryIndex<S> byEmail;
    private final InMemoryIndex<S> byPhone;
    private final InMemoryIndex<S> byOwner;
    private final InMemoryExternalRefs<S> byExternalRef;
    private final InMemoryOrderedIndex<S> inIdOrder;
    private final InMemoryTransactions transactions;

    /** {@code nameOrder} ends with the id, so that the order is total. */
    InMemoryParties(
            String recordType,
            InMemoryTransactions transactions,
            Function<S, ContactPoints> contactPoints,
            Function<S, UserId> owner,
            Function<S, List<ExternalRef>> externalRefs,
            Function<S, P> restore,
            Comparator<S> nameOrder) {
        this.store = new VersionedStore<>(recordType, transactions);
        this.restore = restore;
        this.nameOrder = nameOrder;
        byEmail = store.index(new InMemoryIndex<>(state -> contactPoints.apply(state).emails().stream()
                .map(point -> point.value().normalized())
                .toList()));
        byPhone = store.index(new InMemoryIndex<>(state -> contactPoints.apply(state).phones().stream()
                .map(ContactPoint::value)
                .toList()));
        byOwner = store.index(InMemoryIndex.single(owner));
        byExternalRef = new InMemoryExternalRefs<>(recordType, store, externalRefs);
        Comparator<S> byIdOnly = Comparator.comparing(state -> state.id().value());
        inIdOrder = store.index(new InMemoryOrderedIndex<>(state -> true, byIdOnly));
        this.transactions = transactions;
    }

    private InMemoryParties(InMemoryParties<P, S> all, VersionedStore<S> restricted) {
        this.store = restricted;
        this.restore = all.restore;
        this.nameOrder = all.nameOrder;
        this.byEmail = all.byEmail;
        this.byPhone = all.byPhone;
        this.byOwner = all.byOwner;
        this.byExternalRef = all.byExternalRef;
        this.inIdOrder = all.inIdOrder;
        this.transactions = all.transactions;
    }

    /** The same parties and indexes, every read filtered by {@code visible} (see {@link VersionedStore#restrictedTo}). */
    InMemoryParties<P, S> restrictedTo(Predicate<S> visible) {
        return new InMemoryParties<>(this, store.restrictedTo(visible));
    }

    /** The store, to add the party's own indexes to before the first write. */
    VersionedStore<S> store() {
        return store;
    }

    Comparator<S> byId() {
        return byId;
    }

    Comparator<S> nameOrder() {
        return nameOrder;
    }

    Optional<P> findById(TenantId tenant, EntityId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(restore);
    }

    P save(S state) {
        return restore.apply(store.save(state));
    }

    boolean delete(TenantId tenant, EntityId id, long expectedVersion) {
        return store.delete(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"), expectedVersion);
    }

    List<P> findByEmail(TenantId tenant, EmailAddress email) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byEmail, Require.notNull(email, "email").normalized(), byId);
    }

    Optional<P> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return byExternalRef.find(tenant, ref).filter(store::isVisible).map(restore);
    }

    List<P> findByPhone(TenantId tenant, PhoneNumber phone) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byPhone, Require.notNull(phone, "phone"), byId);
    }

    Page<P> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(
                lookup(tenant, byOwner, Require.notNull(owner, "owner"), nameOrder), Require.notNull(page, "page"));
    }

    /** Every party of the tenant that the filter accepts, in the order. */
    Page<P> query(TenantId tenant, Predicate<S> filter, Comparator<S> order, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(
                store.query(tenant, filter, order).stream().map(restore).toList(), Require.notNull(page, "page"));
    }

    /** At most {@code limit} of the tenant's parties with an id after {@code after} (null: from the first), by id. */
    List<P> findAllAfter(TenantId tenant, EntityId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        return readAfter(tenant, after, limit, party -> true);
    }

    /**
     * At most {@code limit} of the tenant's parties with an id after {@code after} (null: from the first) that meet
     * the rule ({@code matches} tests a party), by id: among the candidates the indexes give (see {@link
     * SegmentCandidates}: the indexes of owner, tags and territory), or among every party when they give none.
     */
    List<P> findMatchingAfter(
            TenantId tenant,
            SegmentRule rule,
            Predicate<P> matches,
            EntityId after,
            int limit,
            InMemoryIndex<S> byTag,
            InMemoryIndex<S> byTerritory) {
        Require.notNull(tenant, "tenant");
        Require.notNull(rule, "rule");
        Require.positive(limit, "limit");
        Optional<Set<UUID>> candidates = SegmentCandidates.of(rule, criterion -> {
            if (criterion instanceof SegmentCriterion.OwnedBy owned) {
                return Optional.of(byOwner.lookup(tenant, owned.owner()));
            }
            if (criterion instanceof SegmentCriterion.InTerritory territory) {
                return Optional.of(byTerritory.lookup(tenant, territory.territory()));
            }
            if (criterion instanceof SegmentCriterion.HasTags tags) {
                return Optional.of(SegmentCandidates.withEvery(byTag, tenant, tags.tags()));
            }
            return Optional.empty();
        });
        if (candidates.isEmpty()) {
            return readAfter(tenant, after, limit, matches);
        }
        List<UUID> ordered = candidates.get().stream()
                .filter(id -> after == null || id.compareTo(after.value()) > 0)
                .sorted()
                .toList();
        List<P> found = new ArrayList<>(Math.min(limit, ordered.size()));
        for (int from = 0; from < ordered.size() && found.size() < limit; from += limit) {
            for (S state : store.findAll(tenant, ordered.subList(from, Math.min(from + limit, ordered.size())))) {
                P party = restore.apply(state);
                if (found.size() < limit && matches.test(party)) {
                    found.add(party);
                }
            }
        }
        return found;
    }

    /** Reads the tenant's visible parties in id order after the cursor, keeping those accepted, until the limit. */
    private List<P> readAfter(TenantId tenant, EntityId after, int limit, Predicate<P> accepted) {
        return transactions.read(() -> {
            List<P> batch = new ArrayList<>(Math.min(limit, 1024));
            NavigableSet<S> ordered = inIdOrder.ordered(tenant);
            // the index orders by id alone, so any state of the cursor's record marks where to go on
            Optional<S> cursor = after == null ? Optional.empty() : store.find(tenant, after);
            Iterable<S> rest = cursor.isPresent() ? ordered.tailSet(cursor.get(), false) : ordered;
            for (S state : rest) {
                if (batch.size() == limit) {
                    break;
                }
                if (store.isVisible(state)
                        && (after == null || state.id().value().compareTo(after.value()) > 0)) {
                    P party = restore.apply(state);
                    if (accepted.test(party)) {
                        batch.add(party);
                    }
                }
            }
            return batch;
        });
    }

    /** The tenant's parties with the key in the index, in the order. */
    List<P> lookup(TenantId tenant, InMemoryIndex<S> index, Object key, Comparator<S> order) {
        return store.findAll(tenant, index.lookup(tenant, key)).stream()
                .sorted(order)
                .map(restore)
                .toList();
    }

    /** The tenant's parties among those with the key in the index that the filter accepts, in name order. */
    Page<P> lookup(TenantId tenant, InMemoryIndex<S> index, Object key, Predicate<S> filter, PageRequest page) {
        return Page.of(
                store.findAll(tenant, index.lookup(tenant, key)).stream()
                        .filter(filter)
                        .sorted(nameOrder)
                        .map(restore)
                        .toList(),
                page);
    }
}
