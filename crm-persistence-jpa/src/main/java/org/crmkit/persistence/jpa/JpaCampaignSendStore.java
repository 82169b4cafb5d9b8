package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.campaign.CampaignRecipient;
import org.crmkit.workflow.campaign.CampaignSend;
import org.crmkit.workflow.campaign.CampaignSendStore;

/**
 * crm-workflow's campaign sends in the tables of schema 22 ({@code crm_campaign_send}, {@code crm_campaign_recipient},
 * {@code crm_campaign_bounce}), in the same database and transactions as a {@link JpaStorage}. A recipient is one row
 * keyed by tenant, campaign and contact, so that a response writes that row alone and recipients page by key; the
 * hourly count of a campaign's messages is kept on its send.
 * Thread-safe.
 */
public final class JpaCampaignSendStore implements CampaignSendStore {

    private static final String RECIPIENT = "CampaignRecipient";

    private final JpaTransactions transactions;
    private final StateJson json;

    private JpaCampaignSendStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.json = storage.json();
    }

    /** The campaign send store in the database of {@code storage}, joining its transactions. */
    public static JpaCampaignSendStore create(JpaStorage storage) {
        return new JpaCampaignSendStore(Require.notNull(storage, "storage"));
    }

    @Override
    public CampaignSend addSend(CampaignSend send) {
        Require.notNull(send, "send");
        Require.that(send.version() == 0, "send.version", "must be 0 for a new send");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            RowKey key = new RowKey(send.tenant().value(), send.campaign().value());
            if (entityManager.find(CampaignSendRow.class, key) != null) {
                throw new DuplicateRecordException("CampaignSend", send.campaign());
            }
            CampaignSend stored = send.withVersion(1);
            CampaignSendRow row = new CampaignSendRow();
            row.tenantId = key.tenantId;
            row.id = key.id;
            row.version = 1;
            row.document = json.write(stored);
            entityManager.persist(row);
            flush(entityManager, "CampaignSend", send.campaign(), 0);
            return stored;
        });
    }

    @Override
    public CampaignSend updateSend(CampaignSend send) {
        Require.notNull(send, "send");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            CampaignSendRow row = entityManager.find(
                    CampaignSendRow.class,
                    new RowKey(send.tenant().value(), send.campaign().value()));
            if (row == null) {
                throw new RecordNotFoundException("CampaignSend", send.campaign());
            }
            if (row.version != send.version()) {
                throw new StaleVersionException("CampaignSend", send.campaign(), send.version(), row.version);
            }
            // the document holds the version, so every update changes the row and JPA raises the version with it
            CampaignSend stored = send.withVersion(send.version() + 1);
            row.document = json.write(stored);
            flush(entityManager, "CampaignSend", send.campaign(), send.version());
            return stored;
        });
    }

    @Override
    public Optional<CampaignSend> findSend(TenantId tenant, CampaignId campaign) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(CampaignSendRow.class, new RowKey(tenant.value(), campaign.value())))
                .map(this::send));
    }

    @Override
    public List<CampaignSend> sends(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select r from CampaignSendRow r where r.tenantId = :tenant order by r.id",
                        CampaignSendRow.class)
                .setParameter("tenant", tenant.value())
                .getResultList()
                .stream()
                .map(this::send)
                .toList());
    }

    @Override
    public CampaignRecipient addRecipient(CampaignRecipient recipient) {
        Require.notNull(recipient, "recipient");
        Require.that(recipient.version() == 0, "recipient.version", "must be 0 for a new recipient");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            if (entityManager.find(CampaignRecipientRow.class, key(recipient)) != null) {
                throw new DuplicateRecordException(RECIPIENT, name(recipient), "contact");
            }
            CampaignRecipient stored = recipient.withVersion(1);
            CampaignRecipientRow row = new CampaignRecipientRow();
            row.tenantId = recipient.tenant().value();
            row.campaignId = recipient.campaign().value();
            row.contactId = recipient.contact().value();
            row.version = 1;
            row.unsubscribeToken = recipient.unsubscribeToken();
            row.scheduledAt = recipient.scheduledAt();
            row.document = json.write(stored);
            entityManager.persist(row);
            flush(entityManager, RECIPIENT, name(recipient), 0);
            return stored;
        });
    }

    @Override
    public CampaignRecipient updateRecipient(CampaignRecipient recipient) {
        Require.notNull(recipient, "recipient");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            CampaignRecipientRow row = entityManager.find(CampaignRecipientRow.class, key(recipient));
            if (row == null) {
                throw new RecordNotFoundException(RECIPIENT, name(recipient));
            }
            if (row.version != recipient.version()) {
                throw new StaleVersionException(RECIPIENT, name(recipient), recipient.version(), row.version);
            }
            Require.that(
                    row.unsubscribeToken.equals(recipient.unsubscribeToken()), "unsubscribeToken", "cannot change");
            // the document holds the version, so every update changes the row and JPA raises the version with it
            CampaignRecipient stored = recipient.withVersion(recipient.version() + 1);
            row.document = json.write(stored);
            flush(entityManager, RECIPIENT, name(recipient), recipient.version());
            return stored;
        });
    }

    @Override
    public Optional<CampaignRecipient> findRecipient(TenantId tenant, CampaignId campaign, ContactId contact) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(contact, "contact");
        return transactions.read(entityManager -> Optional.ofNullable(entityManager.find(
                        CampaignRecipientRow.class,
                        new CampaignRecipientRow.Key(tenant.value(), campaign.value(), contact.value())))
                .map(this::recipient));
    }

    @Override
    public Optional<CampaignRecipient> findByToken(TenantId tenant, String unsubscribeToken) {
        Require.notNull(tenant, "tenant");
        Require.notNull(unsubscribeToken, "unsubscribeToken");
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select r from CampaignRecipientRow r where r.tenantId = :tenant and r.unsubscribeToken = :token",
                        CampaignRecipientRow.class)
                .setParameter("tenant", tenant.value())
                .setParameter("token", unsubscribeToken)
                .getResultList()
                .stream()
                .findFirst()
                .map(this::recipient));
    }

    @Override
    public List<CampaignRecipient> recipients(TenantId tenant, CampaignId campaign, ContactId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.positive(limit, "limit");
        return transactions.read(entityManager -> {
            var query = entityManager
                    .createQuery(
                            "select r from CampaignRecipientRow r where r.tenantId = :tenant and r.campaignId = :campaign"
                                    + (after == null ? "" : " and r.contactId > :after")
                                    + " order by r.contactId",
                            CampaignRecipientRow.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("campaign", campaign.value())
                    .setMaxResults(limit);
            if (after != null) {
                query.setParameter("after", after.value());
            }
            return query.getResultList().stream().map(this::recipient).toList();
        });
    }

    @Override
    public List<CampaignRecipient> recipientsOf(TenantId tenant, ContactId contact) {
        Require.notNull(tenant, "tenant");
        Require.notNull(contact, "contact");
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select r from CampaignRecipientRow r where r.tenantId = :tenant and r.contactId = :contact"
                                + " order by r.campaignId",
                        CampaignRecipientRow.class)
                .setParameter("tenant", tenant.value())
                .setParameter("contact", contact.value())
                .getResultList()
                .stream()
                .map(this::recipient)
                .toList());
    }

    @Override
    public void addBounce(TenantId tenant, Channel channel, String address) {
        Require.notNull(tenant, "tenant");
        Require.notNull(channel, "channel");
        Require.notBlank(address, "address");
        requireTransaction();
        transactions.withEntityManager(entityManager -> {
            CampaignBounceRow.Key key = new CampaignBounceRow.Key(tenant.value(), channel.name(), address);
            if (entityManager.find(CampaignBounceRow.class, key) == null) {
                CampaignBounceRow row = new CampaignBounceRow();
                row.tenantId = key.tenantId;
                row.channel = key.channel;
                row.address = key.address;
                entityManager.persist(row);
                flush(entityManager, "CampaignBounce", channel + " " + address, 0);
            }
            return null;
        });
    }

    @Override
    public boolean isBounced(TenantId tenant, Channel channel, String address) {
        Require.notNull(tenant, "tenant");
        Require.notNull(channel, "channel");
        Require.notNull(address, "address");
        return transactions.read(entityManager -> entityManager.find(
                        CampaignBounceRow.class, new CampaignBounceRow.Key(tenant.value(), channel.name(), address))
                != null);
    }

    private CampaignSend send(CampaignSendRow row) {
        return json.read(row.document, CampaignSend.class, "CampaignSend " + row.id)
                .withVersion(row.version);
    }

    private CampaignRecipient recipient(CampaignRecipientRow row) {
        return json.read(row.document, CampaignRecipient.class, RECIPIENT + " " + row.campaignId + "/" + row.contactId)
                .withVersion(row.version);
    }

    private static CampaignRecipientRow.Key key(CampaignRecipient recipient) {
        return new CampaignRecipientRow.Key(
                recipient.tenant().value(),
                recipient.campaign().value(),
                recipient.contact().value());
    }

    private static String name(CampaignRecipient recipient) {
        return recipient.campaign() + "/" + recipient.contact();
    }

    private static void flush(EntityManager entityManager, String recordType, Object id, long expectedVersion) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, recordType, id, expectedVersion);
        }
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to campaign sends");
        }
    }
}
