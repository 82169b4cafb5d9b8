package org.crmkit.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;

/**
 * Writes a subject access export as JSON: maps and records as objects (a record's components under their names, in
 * declaration order), collections as arrays, typed ids as their UUID text, {@link Money} as
 * {@code {"amount": "12.50", "currency": "EUR"}}, numbers and yes/no values as such, enums by name, and every other
 * value (dates, times, e-mail addresses) as its text. Needs no JSON library, as crm-core depends on none.
 */
final class SubjectExportJson {

    private final StringBuilder out = new StringBuilder();

    private SubjectExportJson() {}

    static String write(Object value) {
        SubjectExportJson json = new SubjectExportJson();
        json.value(value);
        return json.out.toString();
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
