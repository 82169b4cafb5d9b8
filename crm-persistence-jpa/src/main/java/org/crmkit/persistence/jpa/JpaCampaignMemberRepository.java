package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.spi.CampaignMemberRepository;

/**
 * Campaign members in {@code crm_campaign_member} (schema 26), one row per tenant, campaign and member with plain
 * columns: a response updates that row alone (its version guards it), pages follow the primary key, and the members
 * of a contact or lead come through {@code crm_campaign_member_by_member}. Adding members reads which of them are
 * stored already with one query per 500 and inserts the others together. A {@link #visibleTo} view adds the
 * conditions of {@link VisibleMembers} to each read.
 */
final class JpaCampaignMemberRepository implements CampaignMemberRepository {

    private static final String TYPE = "CampaignMember";
    /** How many member ids one query of existing members binds. */
    private static final int CHUNK = 500;

    private final JpaTransactions transactions;
    /** What reads are restricted to; null: every member. */
    private final VisibleMembers visible;

    JpaCampaignMemberRepository(JpaTransactions transactions) {
        this(transactions, null);
    }

    private JpaCampaignMemberRepository(JpaTransactions transactions, VisibleMembers visible) {
        this.transactions = transactions;
        this.visible = visible;
    }

    @Override
    public CampaignMemberRepository visibleTo(Visibility visibility) {
        Require.notNull(visibility, "visibility");
        return visibility.seesEverything()
                ? this
                : new JpaCampaignMemberRepository(transactions, new VisibleMembers(visibility));
    }

    @Override
    public List<CampaignMember> addAll(TenantId tenant, List<CampaignMember> members) {
        Require.notNull(tenant, "tenant");
        List<CampaignMember> candidates = Require.noNulls(members, "members");
        candidates.forEach(
                member -> Require.that(member.version() == 0, "member.version", "must be 0 for a new member"));
        if (candidates.isEmpty()) {
            return List.of();
        }
        return transactions.withEntityManager(entityManager -> {
            Map<CampaignMemberRow.Key, CampaignMember> distinct = new LinkedHashMap<>();
            candidates.forEach(member -> distinct.putIfAbsent(key(tenant, member.campaign(), member.member()), member));
            Set<CampaignMemberRow.Key> stored = storedAmong(entityManager, tenant, distinct.values());
            List<CampaignMember> added = new ArrayList<>();
            distinct.forEach((key, member) -> {
                if (!stored.contains(key)) {
                    CampaignMemberRow row = new CampaignMemberRow();
                    row.tenantId = key.tenantId;
                    row.campaignId = key.campaignId;
                    row.memberId = key.memberId;
                    row.memberType = key.memberType;
                    row.version = 1;
                    row.addedAt = member.addedAt();
                    fill(row, member);
                    entityManager.persist(row);
                    added.add(member.withVersion(1));
                }
            });
            flush(entityManager, added.size() == 1 ? name(added.get(0)) : "(one of " + added.size() + " added)", 0);
            return List.copyOf(added);
        });
    }

    @Override
    public Optional<CampaignMember> find(TenantId tenant, CampaignId campaign, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(member, "member");
        if (visible == null) {
            return transactions.read(entityManager -> Optional.ofNullable(
                            entityManager.find(CampaignMemberRow.class, key(tenant, campaign, member)))
                    .map(JpaCampaignMemberRepository::member));
        }
        return transactions.read(entityManager -> restricted(
                        entityManager,
                        tenant,
                        "r.campaignId = :campaign and r.memberId = :memberId and r.memberType = :memberType",
                        "")
                .setParameter("campaign", campaign.value())
                .setParameter("memberId", member.id())
                .setParameter("memberType", member.type().name())
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaCampaignMemberRepository::member));
    }

    @Override
    public List<CampaignMember> findAfter(TenantId tenant, CampaignId campaign, RecordRef after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.positive(limit, "limit");
        return transactions.read(entityManager -> {
            // the first condition starts the scan of the primary key at the cursor's member id
            TypedQuery<CampaignMemberRow> query = restricted(
                            entityManager,
                            tenant,
                            "r.campaignId = :campaign"
                                    + (after == null
                                            ? ""
                                            : " and r.memberId >= :afterId"
                                                    + " and (r.memberId > :afterId or r.memberType > :afterType)"),
                            " order by r.memberId, r.memberType")
                    .setParameter("campaign", campaign.value())
                    .setMaxResults(limit);
            if (after != null) {
                query.setParameter("afterId", after.id())
                        .setParameter("afterType", after.type().name());
            }
            return query.getResultList().stream()
                    .map(JpaCampaignMemberRepository::member)
                    .toList();
        });
    }

    @Override
    public List<CampaignMember> findByMember(TenantId tenant, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(member, "member");
        return transactions.read(entityManager -> restricted(
                        entityManager,
                        tenant,
                        "r.memberId = :memberId and r.memberType = :memberType",
                        " order by r.campaignId")
                .setParameter("memberId", member.id())
                .setParameter("memberType", member.type().name())
                .getResultList()
                .stream()
                .map(JpaCampaignMemberRepository::member)
                .toList());
    }

    @Override
    public CampaignMember update(TenantId tenant, CampaignMember member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(member, "member");
        return transactions.withEntityManager(entityManager -> {
            CampaignMemberRow row =
                    entityManager.find(CampaignMemberRow.class, key(tenant, member.campaign(), member.member()));
            if (row == null) {
                throw new RecordNotFoundException(TYPE, name(member));
            }
            if (row.version != member.version()) {
                throw new StaleVersionException(TYPE, name(member), member.version(), row.version);
            }
            Require.that(row.addedAt.equals(member.addedAt()), "member.addedAt", "cannot change");
            if (member(row).equals(member)) {
                // nothing to write, yet the port promises the next version, as for any other update
                entityManager.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            fill(row, member);
            flush(entityManager, name(member), member.version());
            return member.withVersion(row.version);
        });
    }

    @Override
    public boolean delete(TenantId tenant, CampaignId campaign, RecordRef member) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(member, "member");
        return transactions.withEntityManager(entityManager -> {
            CampaignMemberRow row = entityManager.find(CampaignMemberRow.class, key(tenant, campaign, member));
            if (row == null) {
                return false;
            }
            entityManager.remove(row);
            flush(entityManager, campaign + "/" + member.type() + " " + member.id(), row.version);
            return true;
        });
    }

    @Override
    public CampaignMemberCounts count(TenantId tenant, CampaignId campaign) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        return transactions.read(entityManager -> {
            if (visible != null && !visible.seesCampaign(entityManager, tenant, campaign.value())) {
                return CampaignMemberCounts.none();
            }
            List<Object[]> rows = JpaTransactions.withoutAutoFlush(entityManager
                            .createQuery(
                                    "select m.status, count(m), count(m.respondedAt) from CampaignMemberRow m"
                                            + " where m.tenantId = :tenant and m.campaignId = :campaign"
                                            + " group by m.status",
                                    Object[].class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("campaign", campaign.value()))
                    .getResultList();
            Map<CampaignMemberStatus, Long> counts = new EnumMap<>(CampaignMemberStatus.class);
            long responded = 0;
            for (Object[] row : rows) {
                counts.put(CampaignMemberStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
                responded += ((Number) row[2]).longValue();
            }
            return new CampaignMemberCounts(counts, responded);
        });
    }

    /**
     * The members of the tenant that match the JPQL condition on {@code r} (and the view's), in the order given (a
     * JPQL {@code order by} or nothing); the tenant is bound, the condition's other parameters are the caller's.
     */
    private TypedQuery<CampaignMemberRow> restricted(
            EntityManager entityManager, TenantId tenant, String condition, String order) {
        RowQuery view = visible == null ? RowQuery.all() : visible.condition(entityManager, tenant);
        return VisibleMembers.bind(
                        entityManager.createQuery(
                                "select r from CampaignMemberRow r where r.tenantId = :tenant and (" + condition
                                        + ") and (" + view.condition() + ")" + order,
                                CampaignMemberRow.class),
                        view)
                .setParameter("tenant", tenant.value());
    }

    /** The keys among the members' that are stored already, read a chunk of member ids per campaign at a time. */
    private static Set<CampaignMemberRow.Key> storedAmong(
            EntityManager entityManager, TenantId tenant, Iterable<CampaignMember> members) {
        Map<CampaignId, List<UUID>> idsByCampaign = new LinkedHashMap<>();
        members.forEach(member -> idsByCampaign
                .computeIfAbsent(member.campaign(), campaign -> new ArrayList<>())
                .add(member.member().id()));
        Set<CampaignMemberRow.Key> stored = new HashSet<>();
        idsByCampaign.forEach((campaign, ids) -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                JpaTransactions.withoutAutoFlush(entityManager
                                .createQuery(
                                        "select m from CampaignMemberRow m where m.tenantId = :tenant"
                                                + " and m.campaignId = :campaign and m.memberId in :ids",
                                        CampaignMemberRow.class)
                                .setParameter("tenant", tenant.value())
                                .setParameter("campaign", campaign.value())
                                .setParameter("ids", ids.subList(from, Math.min(from + CHUNK, ids.size()))))
                        .getResultList()
                        .forEach(row -> stored.add(
                                new CampaignMemberRow.Key(row.tenantId, row.campaignId, row.memberId, row.memberType)));
            }
        });
        return stored;
    }

    private static void fill(CampaignMemberRow row, CampaignMember member) {
        row.status = member.status().name();
        row.statusChangedAt = member.statusChangedAt();
        row.respondedAt = member.respondedAt();
    }

    private static CampaignMember member(CampaignMemberRow row) {
        return new CampaignMember(
                CampaignId.of(row.campaignId),
                new RecordRef(RecordType.valueOf(row.memberType), row.memberId),
                CampaignMemberStatus.valueOf(row.status),
                row.addedAt,
                row.statusChangedAt,
                row.respondedAt,
                row.version);
    }

    private static CampaignMemberRow.Key key(TenantId tenant, CampaignId campaign, RecordRef member) {
        return new CampaignMemberRow.Key(
                tenant.value(), campaign.value(), member.id(), member.type().name());
    }

    private static String name(CampaignMember member) {
        return member.campaign() + "/" + member.member().type() + " "
                + member.member().id();
    }

    private static void flush(EntityManager entityManager, Object id, long expectedVersion) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, TYPE, id, expectedVersion);
        }
    }
}
