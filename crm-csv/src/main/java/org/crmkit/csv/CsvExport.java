package org.crmkit.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.Party;

/**
 * Exports the calling tenant's contacts or accounts as CSV through the same {@link CsvMapping} an import uses: a
 * header of the mapped columns in their order, then one row per record by id, read a thousand at a time, so that
 * memory does not grow with the records. A record's first email, phone and address are written; the external key is
 * its reference in the mapping's system (blank when it has none); tags are joined with ';'. A writer that fails is a {@code StorageException}. A file exported this way
 * and imported with the same mapping changes nothing (every row UNCHANGED when the mapping has external keys).
 */
public final class CsvExport {

    private static final int BATCH = 1000;

    private final Crm crm;

    private CsvExport(Crm crm) {
        this.crm = crm;
    }

    public static CsvExport of(Crm crm) {
        return new CsvExport(Require.notNull(crm, "crm"));
    }

    /** Writes every contact; returns how many. The writer is flushed, not closed. */
    public long exportContacts(Writer out, CsvMapping<ContactField> mapping) {
        return export(
                out,
                mapping,
                (after, limit) -> crm.parties().contactsAfter(after, limit),
                Contact::id,
                (c, f) -> switch (f) {
                    case EXTERNAL_KEY -> key(c, mapping);
                    case SALUTATION -> c.name().salutation();
                    case FIRST_NAME -> c.name().firstName();
                    case LAST_NAME -> c.name().lastName();
                    case TAGS ->
                        String.join(";", c.tags().values().stream().sorted().toList());
                    default -> contactPoint(c, f.name());
                });
    }

    /** Writes every account; returns how many. The writer is flushed, not closed. */
    public long exportAccounts(Writer out, CsvMapping<AccountField> mapping) {
        return export(
                out,
                mapping,
                (after, limit) -> crm.parties().accountsAfter(after, limit),
                Account::id,
                (a, f) -> switch (f) {
                    case EXTERNAL_KEY -> key(a, mapping);
                    case NAME -> a.name();
                    case LEGAL_NAME -> a.details().legalName();
                    case TAX_ID -> a.details().taxId();
                    case WEBSITE -> a.details().website();
                    case INDUSTRY -> a.details().industry();
                    case TAGS ->
                        String.join(";", a.tags().values().stream().sorted().toList());
                    default -> contactPoint(a, f.name());
                });
    }

    private static String key(Party<?> party, CsvMapping<?> mapping) {
        Optional<String> system = mapping.externalSystem();
        return party.externalRefs().stream()
                .filter(ref -> system.isPresent() && ref.system().equals(system.get()))
                .map(ExternalRef::key)
                .findFirst()
                .orElse(null);
    }

    /** The contact points both field enums share, by the fields' names. */
    private enum ContactPart {
        EMAIL,
        PHONE,
        STREET,
        POSTCODE,
        CITY,
        COUNTRY
    }

    /** The first email, phone or address part a party has, for a field named as a {@link ContactPart}. */
    private static String contactPoint(Party<?> party, String field) {
        Optional<PostalAddress> address = party.contactPoints().addresses().stream()
                .map(ContactPoint::value)
                .findFirst();
        return switch (ContactPart.valueOf(field)) {
            case EMAIL ->
                party.contactPoints().emails().stream()
                        .map(ContactPoint::value)
                        .map(EmailAddress::value)
                        .findFirst()
                        .orElse(null);
            case PHONE ->
                party.contactPoints().phones().stream()
                        .map(ContactPoint::value)
                        .map(PhoneNumber::e164)
                        .findFirst()
                        .orElse(null);
            case STREET -> address.map(a -> String.join(", ", a.streetLines())).orElse(null);
            case POSTCODE -> address.map(PostalAddress::postalCode).orElse(null);
            case CITY -> address.map(PostalAddress::city).orElse(null);
            case COUNTRY -> address.map(a -> a.country().value()).orElse(null);
        };
    }

    private static <P, I, F extends Enum<F>> long export(
            Writer out,
            CsvMapping<F> mapping,
            BiFunction<I, Integer, List<P>> batchAfter,
            Function<P, I> id,
            BiFunction<P, F, String> value) {
        Require.notNull(out, "out");
        mapping.requireComplete();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        mapping.columns().keySet().forEach(schema::addColumn);
        CsvMapper mapper = new CsvMapper();
        long written = 0;
        try (SequenceWriter rows = mapper.writer(schema.build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            I after = null;
            List<P> batch;
            do {
                batch = batchAfter.apply(after, BATCH);
                for (P party : batch) {
                    String[] cells = new String[mapping.columns().size()];
                    int i = 0;
                    for (Map.Entry<String, F> column : mapping.columns().entrySet()) {
                        String cell = value.apply(party, column.getValue());
                        cells[i++] = cell == null ? "" : cell;
                    }
                    rows.write(cells);
                    written++;
                }
                after = batch.isEmpty() ? after : id.apply(batch.get(batch.size() - 1));
            } while (batch.size() == BATCH);
            rows.flush();
            return written;
        } catch (IOException e) {
            throw new StorageException("the CSV could not be written after " + written + " records", e);
        }
    }
}
