package org.crmkit.core;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.merge.MergeBeforeImage;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.spi.MergeRepository;

/**
 * The copies of a person's records that merge records keep in their before-images, erased with the person: in the
 * merges involving the contact or one of its accounts, the states of the contact, of the contacts merged into it,
 * and of its leads, activities, tasks, cases and opportunities are replaced by their {@link Pseudonyms erased
 * forms}. An unmerge of such a merge puts the erased forms back.
 */
final class MergedImages {

    private MergedImages() {}

    /** Erases the person's states in the merge records; returns how many merge records changed. */
    static int erase(MergeRepository merges, SubjectRecords records) {
        Map<Object, MergeRecord> involving = new LinkedHashMap<>();
        merges.findInvolving(records.tenant, records.subject).forEach(merge -> involving.put(merge.id(), merge));
        for (AccountId account : records.accounts) {
            merges.findInvolving(records.tenant, RecordRef.account(account))
                    .forEach(merge -> involving.putIfAbsent(merge.id(), merge));
        }
        int changed = 0;
        for (MergeRecord merge : involving.values()) {
            Set<UUID> persons = personsRecords(records);
            if (merge.type() == RecordType.CONTACT && merge.survivor().equals(records.subject.id())) {
                persons.addAll(merge.merged());
            }
            MergeBeforeImage b = merge.before();
            MergeBeforeImage erased = new MergeBeforeImage(
                    erased(b.contacts(), persons, Pseudonyms::contact),
                    b.accounts(),
                    erased(b.leads(), persons, state -> Pseudonyms.lead(state, records.nameWords)),
                    erased(b.activities(), persons, Pseudonyms::activity),
                    erased(b.tasks(), persons, Pseudonyms::task),
                    erased(b.opportunities(), persons, state -> Pseudonyms.opportunity(state, records.nameWords)),
                    b.invoices(),
                    b.payments(),
                    b.creditNotes(),
                    erased(b.cases(), persons, Pseudonyms::serviceCase),
                    b.campaignMembers());
            if (!erased.equals(b)) {
                merges.save(new MergeRecord(
                        merge.tenant(),
                        merge.id(),
                        merge.version(),
                        merge.type(),
                        merge.survivor(),
                        merge.merged(),
                        merge.mergedBy(),
                        merge.mergedAt(),
                        merge.rules(),
                        erased,
                        merge.participants(),
                        merge.unmergedBy(),
                        merge.unmergedAt()));
                changed++;
            }
        }
        return changed;
    }

    private static Set<UUID> personsRecords(SubjectRecords records) {
        Set<UUID> ids = new HashSet<>();
        ids.add(records.subject.id());
        records.leads.forEach(lead -> ids.add(lead.id().value()));
        records.activities.forEach(activity -> ids.add(activity.id().value()));
        records.tasks.forEach(task -> ids.add(task.id().value()));
        records.cases.forEach(serviceCase -> ids.add(serviceCase.id().value()));
        records.opportunities.forEach(opportunity -> ids.add(opportunity.id().value()));
        return ids;
    }

    private static <S extends AggregateState<S>> List<S> erased(
            List<S> states, Set<UUID> persons, UnaryOperator<S> pseudonym) {
        return states.stream()
                .map(state -> persons.contains(state.id().value()) ? pseudonym.apply(state) : state)
                .toList();
    }
}
