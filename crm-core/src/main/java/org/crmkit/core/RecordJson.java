package org.crmkit.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.service.ServiceCase;

/**
 * crmkit's records as JSON, as a subject access export and crm-workflow's webhooks write them: maps and records as
 * objects (a record's components under their names, in declaration order), an aggregate as its state record
 * ({@link #state}), collections as arrays, typed ids as their UUID text, {@link Money} as
 * {@code {"amount": "12.50", "currency": "EUR"}}, numbers and yes/no values as such, enums by name, and every other
 * value (dates, times, e-mail addresses) as its text. Needs no JSON library, as crm-core depends on none. Stateless
 * and thread-safe.
 */
public final class RecordJson {

    private final StringBuilder out = new StringBuilder();

    private RecordJson() {}

    /** The value as JSON text; null is written as {@code null}. */
    public static String write(Object value) {
        RecordJson json = new RecordJson();
        json.value(value);
        return json.out.toString();
    }

    /**
     * The state record of one of crmkit's aggregates (a {@code ContactState} for a {@code Contact}...): what the
     * storage keeps of it. Throws {@link InvalidValueException} for an aggregate that is not crmkit's.
     */
    public static Record state(AggregateRoot<?> aggregate) {
        Require.notNull(aggregate, "aggregate");
        if (aggregate instanceof Contact contact) {
            return contact.state();
        } else if (aggregate instanceof Account account) {
            return account.state();
        } else if (aggregate instanceof Lead lead) {
            return lead.state();
        } else if (aggregate instanceof Opportunity opportunity) {
            return opportunity.state();
        } else if (aggregate instanceof Invoice invoice) {
            return invoice.state();
        } else if (aggregate instanceof Payment payment) {
            return payment.state();
        } else if (aggregate instanceof CreditNote creditNote) {
            return creditNote.state();
        } else if (aggregate instanceof Campaign campaign) {
            return campaign.state();
        } else if (aggregate instanceof Segment segment) {
            return segment.state();
        } else if (aggregate instanceof ServiceCase serviceCase) {
            return serviceCase.state();
        } else if (aggregate instanceof Task task) {
            return task.state();
        } else if (aggregate instanceof Activity activity) {
            return activity.state();
        } else if (aggregate instanceof Pipeline pipeline) {
            return pipeline.state();
        } else if (aggregate instanceof Quota quota) {
            return quota.state();
        } else if (aggregate instanceof ForecastSnapshot snapshot) {
            return snapshot.state();
        } else if (aggregate instanceof User user) {
            return user.state();
        } else if (aggregate instanceof Team team) {
            return team.state();
        } else if (aggregate instanceof Territory territory) {
            return territory.state();
        } else if (aggregate instanceof TeamRotation rotation) {
            return rotation.state();
        }
        throw InvalidValueException.invalid(
                "aggregate", aggregate.getClass().getName() + " is not one of crmkit's aggregates");
    }

    /** The value of the record's component of that name; empty when it has none of that name or its value is null. */
    public static Optional<Object> field(Record record, String name) {
        Require.notNull(record, "record");
        Require.notNull(name, "name");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return Optional.ofNullable(component(record, component));
            }
        }
        return Optional.empty();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> constant) {
            string(constant.name());
        } else if (value instanceof TenantId tenant) {
            string(tenant.value());
        } else if (value instanceof EntityId id) {
            string(id.value().toString());
        } else if (value instanceof Money money) {
            out.append("{\"amount\":");
            string(money.amount().toPlainString());
            out.append(",\"currency\":");
            string(money.currency().getCurrencyCode());
            out.append('}');
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Collection<?> collection) {
            array(collection.iterator());
        } else if (value instanceof Record record) {
            record(record);
        } else if (value instanceof AggregateRoot<?> aggregate) {
            record(state(aggregate));
        } else {
            string(value.toString());
        }
    }

    private void object(Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(entry.getKey()));
            out.append(':');
            value(entry.getValue());
        }
        out.append('}');
    }

    private void array(Iterator<?> items) {
        out.append('[');
        while (items.hasNext()) {
            value(items.next());
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    private void record(Record record) {
        out.append('{');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(components[i].getName());
            out.append(':');
            value(component(record, components[i]));
        }
        out.append('}');
    }

    static Object component(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new StorageException(
                    "cannot read " + record.getClass().getSimpleName() + "." + component.getName() + ": " + e, e);
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
