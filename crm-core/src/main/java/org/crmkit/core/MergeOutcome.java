package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactState;

/**
 * The state a merge left each record of its before-image in, computed again from the before-image (a merge is a
 * function of it, the survivorship rules and its time): what an unmerge compares the stored records with, so that a
 * record saved again since with the same content (an unmerge of a later merge put it back) still counts as
 * unchanged.
 */
final class MergeOutcome {

    private final MergeRecord merge;
    private final Repointed repointed;

    MergeOutcome(MergeRecord merge) {
        this.merge = merge;
        this.repointed = new Repointed(merge.type(), merge.survivor(), merge.merged());
    }

    Repointed repointed() {
        return repointed;
    }

    ContactState contact(ContactState before) {
        if (!before.id().value().equals(merge.survivor())) {
            return repointed.contactLinks(before);
        }
        return new Survivors(merge.rules()).contact(parties(merge.before().contacts()), merge.mergedAt());
    }

    AccountState account(AccountState before) {
        if (!before.id().value().equals(merge.survivor())) {
            return repointed.accountParents(before);
        }
        List<AccountState> records = parties(merge.before().accounts()).stream()
                .map(repointed::accountParents)
                .toList();
        return new Survivors(merge.rules()).account(records);
    }

    /** The survivor's and the merged records' states, survivor first, then in the order they were merged. */
    private <S extends org.crmkit.core.common.AggregateState<S>> List<S> parties(List<S> states) {
        List<S> ordered = new ArrayList<>();
        List<UUID> order = new ArrayList<>();
        order.add(merge.survivor());
        order.addAll(merge.merged());
        for (UUID id : order) {
            states.stream().filter(state -> state.id().value().equals(id)).forEach(ordered::add);
        }
        return ordered;
    }
}
