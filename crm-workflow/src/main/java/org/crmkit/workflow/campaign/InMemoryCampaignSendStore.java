package org.crmkit.workflow.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Channel;

/**
 * Campaign sends in memory, beside an {@link InMemoryStorage} and inside its transactions. Thread-safe; data lives
 * as long as the instance.
 */
public final class InMemoryCampaignSendStore implements CampaignSendStore {

    private record Campaign(TenantId tenant, CampaignId campaign) {}

    private record Token(TenantId tenant, String token) {}

    private record Bounce(TenantId tenant, Channel channel, String address) {}

    private final InMemoryStorage storage;
    private final Map<Campaign, CampaignSend> sends = new HashMap<>();
    private final Map<Campaign, TreeMap<UUID, CampaignRecipient>> recipients = new HashMap<>();

    private final Map<Token, CampaignRecipient> byToken = new HashMap<>();
    private final Set<Bounce> bounces = new HashSet<>();

    private InMemoryCampaignSendStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryCampaignSendStore create(InMemoryStorage storage) {
        return new InMemoryCampaignSendStore(Require.notNull(storage, "storage"));
    }

    @Override
    public CampaignSend addSend(CampaignSend send) {
        Require.notNull(send, "send");
        Require.that(send.version() == 0, "send.version", "must be 0 for a new send");
        requireTransaction();
        Campaign key = new Campaign(send.tenant(), send.campaign());
        CampaignSend stored = send.withVersion(1);
        synchronized (this) {
            if (sends.containsKey(key)) {
                throw new DuplicateRecordException("CampaignSend", send.campaign());
            }
            sends.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                sends.remove(key);
            }
        });
        return stored;
    }

    @Override
    public CampaignSend updateSend(CampaignSend send) {
        Require.notNull(send, "send");
        requireTransaction();
        Campaign key = new Campaign(send.tenant(), send.campaign());
        CampaignSend old;
        CampaignSend stored;
        synchronized (this) {
            old = sends.get(key);
            if (old == null) {
                throw new RecordNotFoundException("CampaignSend", send.campaign());
            }
            if (old.version() != send.version()) {
                throw new StaleVersionException("CampaignSend", send.campaign(), send.version(), old.version());
            }
            stored = send.withVersion(old.version() + 1);
            sends.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                sends.put(key, old);
            }
        });
        return stored;
    }

    @Override
    public Optional<CampaignSend> findSend(TenantId tenant, CampaignId campaign) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        return read(() -> Optional.ofNullable(sends.get(new Campaign(tenant, campaign))));
    }

    @Override
    public List<CampaignSend> sends(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return read(() -> sends.values().stream()
                .filter(send -> send.tenant().equals(tenant))
                .sorted(Comparator.comparing(send -> send.campaign().value()))
                .toList());
    }

    @Override
    public CampaignRecipient addRecipient(CampaignRecipient recipient) {
        Require.notNull(recipient, "recipient");
        Require.that(recipient.version() == 0, "recipient.version", "must be 0 for a new recipient");
        requireTransaction();
        Campaign key = new Campaign(recipient.tenant(), recipient.campaign());
        Token token = new Token(recipient.tenant(), recipient.unsubscribeToken());
        CampaignRecipient stored = recipient.withVersion(1);
        synchronized (this) {
            TreeMap<UUID, CampaignRecipient> members = recipients.computeIfAbsent(key, k -> new TreeMap<>());
            if (members.containsKey(recipient.contact().value())) {
                throw new DuplicateRecordException(
                        "CampaignRecipient", recipient.campaign() + "/" + recipient.contact(), "contact");
            }
            if (byToken.containsKey(token)) {
                throw new DuplicateRecordException("CampaignRecipient", "token", "unsubscribeToken");
            }
            members.put(recipient.contact().value(), stored);
            byToken.put(token, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                recipients.get(key).remove(recipient.contact().value());
                byToken.remove(token);
            }
        });
        return stored;
    }

    @Override
    public CampaignRecipient updateRecipient(CampaignRecipient recipient) {
        Require.notNull(recipient, "recipient");
        requireTransaction();
        Campaign key = new Campaign(recipient.tenant(), recipient.campaign());
        CampaignRecipient old;
        CampaignRecipient stored;
        synchronized (this) {
            old = Optional.ofNullable(recipients.get(key))
                    .map(members -> members.get(recipient.contact().value()))
                    .orElseThrow(() -> new RecordNotFoundException(
                            "CampaignRecipient", recipient.campaign() + "/" + recipient.contact()));
            if (old.version() != recipient.version()) {
                throw new StaleVersionException(
                        "CampaignRecipient",
                        recipient.campaign() + "/" + recipient.contact(),
                        recipient.version(),
                        old.version());
            }
            Require.that(
                    old.unsubscribeToken().equals(recipient.unsubscribeToken()), "unsubscribeToken", "cannot change");
            stored = recipient.withVersion(old.version() + 1);
            put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                put(key, old);
            }
        });
        return stored;
    }

    private void put(Campaign key, CampaignRecipient recipient) {
        recipients.get(key).put(recipient.contact().value(), recipient);
        byToken.put(new Token(recipient.tenant(), recipient.unsubscribeToken()), recipient);
    }

    @Override
    public Optional<CampaignRecipient> findRecipient(TenantId tenant, CampaignId campaign, ContactId contact) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(contact, "contact");
        return read(() -> Optional.ofNullable(recipients.get(new Campaign(tenant, campaign)))
                .map(members -> members.get(contact.value())));
    }

    @Override
    public Optional<CampaignRecipient> findByToken(TenantId tenant, String unsubscribeToken) {
        Require.notNull(tenant, "tenant");
        Require.notNull(unsubscribeToken, "unsubscribeToken");
        return read(() -> Optional.ofNullable(byToken.get(new Token(tenant, unsubscribeToken))));
    }

    @Override
    public List<CampaignRecipient> recipients(TenantId tenant, CampaignId campaign, ContactId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.positive(limit, "limit");
        return read(() -> {
            TreeMap<UUID, CampaignRecipient> members = recipients.get(new Campaign(tenant, campaign));
            if (members == null) {
                return List.of();
            }
            Map<UUID, CampaignRecipient> page = after == null ? members : members.tailMap(after.value(), false);
            return page.values().stream().limit(limit).toList();
        });
    }

    @Override
    public List<CampaignRecipient> recipientsOf(TenantId tenant, ContactId contact) {
        Require.notNull(tenant, "tenant");
        Require.notNull(contact, "contact");
        return read(() -> {
            List<CampaignRecipient> found = new ArrayList<>();
            recipients.forEach((key, members) -> {
                if (key.tenant().equals(tenant) && members.containsKey(contact.value())) {
                    found.add(members.get(contact.value()));
                }
            });
            found.sort(Comparator.comparing(recipient -> recipient.campaign().value()));
            return found;
        });
    }

    @Override
    public void addBounce(TenantId tenant, Channel channel, String address) {
        Require.notNull(tenant, "tenant");
        Require.notNull(channel, "channel");
        Require.notBlank(address, "address");
        requireTransaction();
        Bounce bounce = new Bounce(tenant, channel, address);
        boolean added;
        synchronized (this) {
            added = bounces.add(bounce);
        }
        if (added) {
            storage.onRollback(() -> {
                synchronized (this) {
                    bounces.remove(bounce);
                }
            });
        }
    }

    @Override
    public boolean isBounced(TenantId tenant, Channel channel, String address) {
        Require.notNull(tenant, "tenant");
        Require.notNull(channel, "channel");
        Require.notNull(address, "address");
        return read(() -> bounces.contains(new Bounce(tenant, channel, address)));
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to campaign sends");
        }
    }
}
