package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.party.Contact;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.privacy.PersonalDataErased;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.PersonalDataHolder;
import org.crmkit.core.spi.Storage;

/**
 * One erasure of a person, in the caller's transaction: each record found by {@link SubjectRecords} replaced by
 * its {@link Pseudonyms erased form} (saved only when that differs, so that a second run saves nothing), the
 * registered holders told, the audit trail's values and the outbox's events that hold the person's data removed,
 * and the erasure recorded. Records are saved straight through the repositories, not as changes of the use cases:
 * an erasure records no domain event of theirs (which would carry the data again) and no audit entry with the old
 * values.
 */
final class Erasure {

    private final UseCases useCases;
    private final Storage storage;
    private final SubjectRecords records;
    private final List<PersonalDataHolder> holders;
    private final Map<String, Integer> changed = new LinkedHashMap<>();

    Erasure(UseCases useCases, SubjectRecords records, List<PersonalDataHolder> holders) {
        this.useCases = useCases;
        this.storage = useCases.storage;
        this.records = records;
        this.holders = holders;
    }

    ErasureReport run(String reason, List<String> overriddenHolds) {
        DataSubject subject = records.dataSubject();
        if (records.contact != null) {
            count(
                    "contact",
                    erase(
                            List.of(records.contact),
                            Contact::state,
                            Pseudonyms::contact,
                            Contact::restore,
                            storage.contacts()::save));
            // a score profiles the person: it goes with the person rather than being pseudonymised
            count(
                    "customerScore",
                    storage.customerScores().delete(records.tenant, RecordRef.contact(records.contact.id())) ? 1 : 0);
        }
        count(
                "leads",
                erase(
                        records.leads,
                        Lead::state,
                        state -> Pseudonyms.lead(state, records.nameWords),
                        Lead::restore,
                        storage.leads()::save));
        count(
                "activities",
                erase(
                        records.activities,
                        Activity::state,
                        Pseudonyms::activity,
                        Activity::restore,
                        storage.activities()::save));
        count("tasks", erase(records.tasks, Task::state, Pseudonyms::task, Task::restore, storage.tasks()::save));
        count(
                "cases",
                erase(
                        records.cases,
                        ServiceCase::state,
                        Pseudonyms::serviceCase,
                        ServiceCase::restore,
                        storage.cases()::save));
        count(
                "opportunities",
                erase(
                        records.opportunities,
                        Opportunity::state,
                        state -> Pseudonyms.opportunity(state, records.nameWords),
                        Opportunity::restore,
                        storage.opportunities()::save));
        count("merges", MergedImages.erase(storage.merges(), records));
        for (PersonalDataHolder holder : holders) {
            count(holder.name(), holder.erase(subject));
        }
        List<RecordRef> erasedRecords = new ArrayList<>(subject.related());
        erasedRecords.add(subject.record());
        count("auditTrail", storage.auditTrail().eraseValues(records.tenant, erasedRecords, records.identifiers));
        count(
                "outboxEvents",
                storage.outbox()
                        .delete(
                                records.tenant,
                                records.outboxEvents(storage.outbox()).stream()
                                        .map(OutboxEntry::eventId)
                                        .toList()));
        Instant now = useCases.clock.instant();
        ErasureReport report = new ErasureReport(records.subject, now, changed, overriddenHolds);
        if (report.total() > 0) {
            record(reason, !overriddenHolds.isEmpty(), now);
        }
        return report;
    }

    private void record(String reason, boolean holdsOverridden, Instant now) {
        String actor = useCases.actor().id();
        storage.outbox()
                .append(List.of(new PersonalDataErased(
                        records.tenant,
                        records.subject.id(),
                        now,
                        records.subject.type(),
                        Pseudonyms.scrub(reason, records.identifiers),
                        holdsOverridden,
                        actor)));
        if (useCases.audit.audits(records.subject.type())) {
            storage.auditTrail()
                    .record(List.of(new FieldChange(
                            records.tenant,
                            useCases.ids.next(),
                            records.subject,
                            "personalData",
                            null,
                            null,
                            actor,
                            now,
                            true)));
        }
    }

    private <A extends AggregateRoot<?>, S extends AggregateState<S>> int erase(
            List<A> aggregates,
            Function<A, S> state,
            UnaryOperator<S> pseudonym,
            Function<S, A> restore,
            UnaryOperator<A> save) {
        int saved = 0;
        for (A aggregate : aggregates) {
            S before = state.apply(aggregate);
            S after = pseudonym.apply(before);
            if (!after.equals(before)) {
                save.apply(restore.apply(after));
                saved++;
            }
        }
        return saved;
    }

    private void count(String store, int count) {
        changed.merge(store, count, Integer::sum);
    }
}
