package org.crmkit.csv;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * Which CSV column holds which field of a contact ({@link ContactField}), account ({@link AccountField}), invoice
 * ({@link InvoiceField}) or payment ({@link PaymentField}), the owner of imported contacts and accounts and the system whose keys an {@code EXTERNAL_KEY} column holds. Columns not mapped are
 * ignored on import; export writes the mapped columns in their order. Immutable:
 *
 * <pre>{@code
 * CsvMapping<ContactField> mapping = CsvMapping.forContacts(owner).externalSystem("erp")
 *         .column("Kundennummer", ContactField.EXTERNAL_KEY)
 *         .column("Nachname", ContactField.LAST_NAME)
 *         .column("E-Mail", ContactField.EMAIL);
 * }</pre>
 */
public final class CsvMapping<F extends Enum<F>> {

    private final Set<F> required;
    private final F externalKey;
    private final Map<String, F> columns;
    private final UserId owner;
    private final String externalSystem;

    private CsvMapping(Set<F> required, F externalKey, Map<String, F> columns, UserId owner, String externalSystem) {
        this.required = required;
        this.externalKey = externalKey;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.owner = owner;
        this.externalSystem = externalSystem;
    }

    /** A mapping of contacts owned by {@code owner}, with no column yet. */
    public static CsvMapping<ContactField> forContacts(UserId owner) {
        return new CsvMapping<>(
                EnumSet.of(ContactField.LAST_NAME),
                ContactField.EXTERNAL_KEY,
                Map.of(),
                Require.notNull(owner, "owner"),
                null);
    }

    /** A mapping of accounts owned by {@code owner}, with no column yet. */
    public static CsvMapping<AccountField> forAccounts(UserId owner) {
        return new CsvMapping<>(
                EnumSet.of(AccountField.NAME),
                AccountField.EXTERNAL_KEY,
                Map.of(),
                Require.notNull(owner, "owner"),
                null);
    }

    /** A mapping of invoices, with no column yet; every {@link InvoiceField} must be mapped. */
    public static CsvMapping<InvoiceField> forInvoices() {
        return new CsvMapping<>(EnumSet.allOf(InvoiceField.class), InvoiceField.EXTERNAL_KEY, Map.of(), null, null);
    }

    /** A mapping of payments, with no column yet (see {@link PaymentField} for the required ones). */
    public static CsvMapping<PaymentField> forPayments() {
        return new CsvMapping<>(
                EnumSet.range(PaymentField.EXTERNAL_KEY, PaymentField.METHOD),
                PaymentField.EXTERNAL_KEY,
                Map.of(),
                null,
                null);
    }

    /**
     * This mapping with the column {@code header} holding {@code field}; a header or a field mapped twice is refused
     * with an {@code InvalidValueException}.
     */
    public CsvMapping<F> column(String header, F field) {
        String name = Require.notBlank(header, "column");
        Require.notNull(field, "field");
        if (columns.containsKey(name)) {
            throw InvalidValueException.invalid("column", "'" + name + "' is mapped twice");
        }
        if (columns.containsValue(field)) {
            throw InvalidValueException.invalid("column", field + " is mapped twice (again to '" + name + "')");
        }
        Map<String, F> more = new LinkedHashMap<>(columns);
        more.put(name, field);
        return new CsvMapping<>(required, externalKey, more, owner, externalSystem);
    }

    /** The system whose keys the {@code EXTERNAL_KEY} column holds ({@code "erp"}), as in {@link ExternalRef}. */
    public CsvMapping<F> externalSystem(String system) {
        String checked = ExternalRef.of(system, "key").system();
        return new CsvMapping<>(required, externalKey, columns, owner, checked);
    }

    /** The columns by header, in their order. */
    public Map<String, F> columns() {
        return columns;
    }

    /** The owner of imported contacts and accounts; null for invoices and payments. */
    public UserId owner() {
        return owner;
    }

    /** The system of the external keys, when the mapping has one. */
    public Optional<String> externalSystem() {
        return Optional.ofNullable(externalSystem);
    }

    /** The header of the field's column, when it is mapped. */
    Optional<String> headerOf(F field) {
        return columns.entrySet().stream()
                .filter(entry -> entry.getValue() == field)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Refuses a mapping without the required field, or with external keys but no system. */
    void requireComplete() {
        for (F field : required) {
            if (!columns.containsValue(field)) {
                throw InvalidValueException.invalid("mapping", "no column holds " + field + ", which is required");
            }
        }
        if (columns.containsValue(externalKey) && externalSystem == null) {
            throw InvalidValueException.invalid(
                    "mapping", "a column holds " + externalKey + " but no external system is named");
        }
    }
}
