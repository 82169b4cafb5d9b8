package org.crmkit.core.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.spi.CampaignMemberRepository;

/**
 * Campaign members in memory: per campaign a sorted map in member order, and per contact or lead its memberships by
 * campaign. The maps change only inside a transaction (which holds the write lock) and are read under the read lock;
 * a rollback takes back every change. A {@link #visibleTo} view shares the maps and filters what it reads before
 * limiting it.
 */
final class InMemoryCampaignMemberRepository implements CampaignMemberRepository {

    private static final String TYPE = "CampaignMember";

    /** By member id, then type: the port's member order. */
    static final Comparator<RecordRef> MEMBER_ORDER = Comparator.comparing(RecordRef::id)
            .thenComparing(member -> member.type().name());

    private record Campaign(TenantId tenant, CampaignId campaign) {}

    private record Member(TenantId tenant, RecordRef member) {}

    /** What a visibility lets through: the campaigns it sees, and the contacts and leads it sees. */
    record VisibleMembers(BiPredicate<TenantId, CampaignId> campaign, BiPredicate<TenantId, RecordRef> member) {

        private static final VisibleMembers ALL = new VisibleMembers((tenant, id) -> true, (tenant, ref) -> true);

        boolean test(TenantId tenant, CampaignMember member) {
            return campaign.test(tenant, member.campaign()) && this.member.test(tenant, member.member());
        }
    }

    private final InMemoryTransactions transactions;
    private final Function<Visibility, VisibleMembers> visibility;
    private final VisibleMembers visible;
    private final Map<Campaign, NavigableMap<RecordRef, CampaignMember>> byCampaign;
    private final Map<Member, NavigableMap<UUID, CampaignMember>> byMember;

    /** {@code visibility} tells what a visibility lets through (the campaigns and parties of the same storage). */
    InMemoryCampaignMemberRepository(
            InMemoryTransactions transactions, Function<Visibility, VisibleMembers> visibility) {
        this.transactions = transactions;
        this.visibility = visibility;
        this.visible = VisibleMembers.ALL;
        this.byCampaign = new HashMap<>();
        this.byMember = new HashMap<>();
    }

    private InMemoryCampaignMemberRepository(InMemoryCampaignMemberRepository all, VisibleMembers visible) {
        this.transactions = all.transactions;
        this.visibility = all.visibility;
        this.visible = visible;
        this.byCampaign = all.byCampaign;
        this.byMember = all.byMember;
    }

    @Override
    public CampaignMemberRepository visibleTo(Visibility visibility) {
        Require.notNull(visibility, "visibility");
        return new InMemoryCampaignMemberRepository(
                this, visibility.seesEverything() ? VisibleMembers.ALL : this.visibility.apply(visibility));
    }

    @Override
    public List<CampaignMember> addAll(TenantId tenant, List<CampaignMember> members) {
        Require.notNull(tenant, "tenant");
        List<CampaignMember> candidates = Require.noNulls(members, "members");
        candidates.forEach(
                member -> Require.that(member.version() == 0, "member.version", "must be 0 for a new member"));
        return transactions.inTransaction(() -> {
            Map<List<Object>, CampaignMember> distinct = new LinkedHashMap<>();
            candidates.forEach(member -> distinct.putIfAbsent(List.of(member.campaign(), member.member()), member));
            List<CampaignMember> added = new ArrayList<>();
            for (CampaignMember member : distinct.values()) {
                if (stored(tenant, member.campaign(), member.member()).isEmpty()) {
                    CampaignMember stored = member.withVersion(1);
                    put(tenant, stored);
                    transactions.onRollback(() -> remove(tenant, stored.campaign(), stored.member()));
                    added.add(stored);
                }
            }
            return List.copyOf(added);
        });
    }

    @Override
    public Optional<CampaignMember> find(TenantId tenant, CampaignId campaign, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(member, "member");
        return transactions.read(() -> stored(tenant, campaign, member).filter(found -> visible.test(tenant, found)));
    }

    @Override
    public List<CampaignMember> findAfter(TenantId tenant, CampaignId campaign, RecordRef after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.positive(limit, "limit");
        return transactions.read(() -> {
            NavigableMap<RecordRef, CampaignMember> members = byCampaign.get(new Campaign(tenant, campaign));
            if (members == null) {
                return List.of();
            }
            return (after == null ? members : members.tailMap(after, false))
                    .values().stream()
                            .filter(found -> visible.test(tenant, found))
                            .limit(limit)
                            .toList();
        });
    }

    @Override
    public List<CampaignMember> findByMember(TenantId tenant, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(member, "member");
        return transactions.read(
                () -> byMember.getOrDefault(new Member(tenant, member), new TreeMap<>()).values().stream()
                        .filter(found -> visible.test(tenant, found))
                        .toList());
    }

    @Override
    public CampaignMember update(TenantId tenant, CampaignMember member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(member, "member");
        return transactions.inTransaction(() -> {
            CampaignMember old = stored(tenant, member.campaign(), member.member())
                    .orElseThrow(() -> new RecordNotFoundException(TYPE, name(member)));
            if (old.version() != member.version()) {
                throw new StaleVersionException(TYPE, name(member), member.version(), old.version());
            }
            Require.that(old.addedAt().equals(member.addedAt()), "member.addedAt", "cannot change");
            CampaignMember stored = member.withVersion(member.version() + 1);
            put(tenant, stored);
            transactions.onRollback(() -> put(tenant, old));
            return stored;
        });
    }

    @Override
    public boolean delete(TenantId tenant, CampaignId campaign, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(member, "member");
        return transactions.inTransaction(() -> {
            Optional<CampaignMember> old = stored(tenant, campaign, member);
            old.ifPresent(removed -> {
                remove(tenant, campaign, member);
                transactions.onRollback(() -> put(tenant, removed));
            });
            return old.isPresent();
        });
    }

    @Override
    public CampaignMemberCounts count(TenantId tenant, CampaignId campaign) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        return transactions.read(() -> {
            if (!visible.campaign().test(tenant, campaign)) {
                return CampaignMemberCounts.none();
            }
            Map<CampaignMemberStatus, Long> counts = new EnumMap<>(CampaignMemberStatus.class);
            long responded = 0;
            for (CampaignMember member : byCampaign
                    .getOrDefault(new Campaign(tenant, campaign), new TreeMap<>(MEMBER_ORDER))
                    .values()) {
                counts.merge(member.status(), 1L, Long::sum);
                responded += member.hasResponded() ? 1 : 0;
            }
            return new CampaignMemberCounts(counts, responded);
        });
    }

    private Optional<CampaignMember> stored(TenantId tenant, CampaignId campaign, RecordRef member) {
        return Optional.ofNullable(byCampaign.get(new Campaign(tenant, campaign)))
                .map(members -> members.get(member));
    }

    private void put(TenantId tenant, CampaignMember member) {
        byCampaign
                .computeIfAbsent(new Campaign(tenant, member.campaign()), key -> new TreeMap<>(MEMBER_ORDER))
                .put(member.member(), member);
        byMember.computeIfAbsent(new Member(tenant, member.member()), key -> new TreeMap<>())
                .put(member.campaign().value(), member);
    }

    private void remove(TenantId tenant, CampaignId campaign, RecordRef member) {
        Campaign campaignKey = new Campaign(tenant, campaign);
        NavigableMap<RecordRef, CampaignMember> members = byCampaign.get(campaignKey);
        members.remove(member);
        if (members.isEmpty()) {
            byCampaign.remove(campaignKey);
        }
        Member memberKey = new Member(tenant, member);
        NavigableMap<UUID, CampaignMember> memberships = byMember.get(memberKey);
        memberships.remove(campaign.value());
        if (memberships.isEmpty()) {
            byMember.remove(memberKey);
        }
    }

    private static String name(CampaignMember member) {
        return member.campaign() + "/" + member.member().type() + " "
                + member.member().id();
    }
}
