package org.crmkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.spi.MergeRepository;

/**
 * Which merged record brought a value (an external reference, an e-mail address) into a survivor: read from the
 * before-images of the merges in force into it, newest first, and followed into the merges into that record.
 */
final class MergeSources {

    /** The merged record the value came from, and the merge that merged it. */
    record Source(UUID record, MergeId merge) {}

    private final MergeRepository merges;
    private final TenantId tenant;

    MergeSources(MergeRepository merges, TenantId tenant) {
        this.merges = merges;
        this.tenant = tenant;
    }

    static Predicate<AggregateState<?>> contactHas(ExternalRef ref) {
        return state ->
                state instanceof ContactState contact && contact.externalRefs().contains(ref);
    }

    static Predicate<AggregateState<?>> accountHas(ExternalRef ref) {
        return state ->
                state instanceof AccountState account && account.externalRefs().contains(ref);
    }

    static Predicate<AggregateState<?>> contactHasEmail(EmailAddress email) {
        return state ->
                state instanceof ContactState contact && contact.contactPoints().hasEmail(email);
    }

    /** The merged record the survivor got the value from; empty when it had the value itself. */
    Optional<Source> source(RecordRef survivor, Predicate<AggregateState<?>> has) {
        List<MergeRecord> into = new ArrayList<>(merges.findInvolving(tenant, survivor));
        Collections.reverse(into);
        for (MergeRecord merge : into) {
            if (!merge.inForce() || !merge.survivor().equals(survivor.id())) {
                continue;
            }
            List<AggregateState<?>> parties = new ArrayList<>(merge.before().contacts());
            parties.addAll(merge.before().accounts());
            boolean survivorHadIt =
                    parties.stream().anyMatch(state -> state.id().value().equals(merge.survivor()) && has.test(state));
            if (survivorHadIt) {
                continue;
            }
            for (AggregateState<?> state : parties) {
                UUID id = state.id().value();
                if (merge.merged().contains(id) && has.test(state)) {
                    return Optional.of(
                            source(new RecordRef(merge.type(), id), has).orElse(new Source(id, merge.id())));
                }
            }
        }
        return Optional.empty();
    }
}
