package org.crmkit.core;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Storage;

/**
 * Writes the audit trail of the record types the host chose: before a use case saves an aggregate of such a type,
 * the stored copy is read and each component of the state that differs becomes a {@link FieldChange} (a new record:
 * each component it has), recorded in the same transaction as the save.
 */
final class AuditRecorder {

    /** Components every state has that are no field a person changes. */
    private static final Set<String> NOT_FIELDS = Set.of("tenant", "id", "version");

    /** The aggregates that can be audited (each a final class), by their record type. */
    private static final Map<Class<?>, RecordType> TYPES = Map.of(
            Contact.class, RecordType.CONTACT,
            Account.class, RecordType.ACCOUNT,
            Lead.class, RecordType.LEAD,
            Opportunity.class, RecordType.OPPORTUNITY,
            Invoice.class, RecordType.INVOICE,
            Payment.class, RecordType.PAYMENT,
            Campaign.class, RecordType.CAMPAIGN,
            ServiceCase.class, RecordType.CASE,
            Task.class, RecordType.TASK,
            Activity.class, RecordType.ACTIVITY);

    private final Set<RecordType> audited;

    AuditRecorder(Collection<RecordType> audited) {
        this.audited = audited.isEmpty() ? Set.of() : EnumSet.copyOf(audited);
    }

    boolean audits(RecordType type) {
        return audited.contains(type);
    }

    /** Records the changes of the aggregates about to be saved, for those of an audited type. */
    void beforeSave(UseCases useCases, Collection<? extends AggregateRoot<?>> aggregates) {
        if (audited.isEmpty()) {
            return;
        }
        List<FieldChange> changes = new ArrayList<>();
        Instant now = useCases.clock.instant();
        String actor = useCases.actor().id();
        for (AggregateRoot<?> aggregate : aggregates) {
            RecordType type = typeOf(aggregate);
            if (type == null || !audited.contains(type)) {
                continue;
            }
            Record after = RecordJson.state(aggregate);
            Record before = aggregate.isNew()
                    ? null
                    : stored(useCases.storage, aggregate).map(RecordJson::state).orElse(null);
            RecordRef record = new RecordRef(type, aggregate.id().value());
            for (RecordComponent component : after.getClass().getRecordComponents()) {
                if (NOT_FIELDS.contains(component.getName())) {
                    continue;
                }
                String newValue = text(RecordJson.component(after, component));
                String oldValue = before == null ? null : text(RecordJson.component(before, component));
                if (!Objects.equals(oldValue, newValue)) {
                    changes.add(new FieldChange(
                            aggregate.tenant(),
                            useCases.ids.next(),
                            record,
                            component.getName(),
                            oldValue,
                            newValue,
                            actor,
                            now,
                            false));
                }
            }
        }
        if (!changes.isEmpty()) {
            useCases.storage.auditTrail().record(changes);
        }
    }

    /** A value's text; null for none, an empty collection or map included, so that "nothing" reads one way. */
    private static String text(Object value) {
        if (value == null
                || (value instanceof Collection<?> collection && collection.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty())) {
            return null;
        }
        return String.valueOf(value);
    }

    /** The record type of an aggregate the audit trail can follow; null for others (pipelines, users, ...). */
    private static RecordType typeOf(AggregateRoot<?> aggregate) {
        return TYPES.get(aggregate.getClass());
    }

    private static Optional<? extends AggregateRoot<?>> stored(Storage storage, AggregateRoot<?> aggregate) {
        TenantId tenant = aggregate.tenant();
        if (aggregate instanceof Contact contact) {
            return storage.contacts().findById(tenant, contact.id());
        } else if (aggregate instanceof Account account) {
            return storage.accounts().findById(tenant, account.id());
        } else if (aggregate instanceof Lead lead) {
            return storage.leads().findById(tenant, lead.id());
        } else if (aggregate instanceof Opportunity opportunity) {
            return storage.opportunities().findById(tenant, opportunity.id());
        } else if (aggregate instanceof Invoice invoice) {
            return storage.invoices().findById(tenant, invoice.id());
        } else if (aggregate instanceof Payment payment) {
            return storage.payments().findById(tenant, payment.id());
        } else if (aggregate instanceof Campaign campaign) {
            return storage.campaigns().findById(tenant, campaign.id());
        } else if (aggregate instanceof ServiceCase serviceCase) {
            return storage.cases().findById(tenant, serviceCase.id());
        } else if (aggregate instanceof Task task) {
            return storage.tasks().findById(tenant, task.id());
        }
        return storage.activities().findById(tenant, ((Activity) aggregate).id());
    }
}
