package org.crmkit.workflow.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MovedRecord;
import org.crmkit.core.spi.MergeParticipant;

/**
 * Dunning's part in merges of accounts: the merged accounts' dunning cases, open and closed, move to the survivor
 * (a case of an account's invoices in a currency becomes the survivor's group), and move back on unmerge. A merge
 * is refused while a merged account and the survivor both have an open case of the same group, as a group has at
 * most one open case: close or settle one first. Each move is kept as a {@link MovedRecord}; an unmerge is refused
 * once such a case was saved again (it went on dunning).
 */
final class DunningMerge implements MergeParticipant {

    private final DunningCaseStore cases;

    DunningMerge(DunningCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return "dunning";
    }

    @Override
    public List<String> moveToSurvivor(MergeRecord merge) {
        List<String> moved = new ArrayList<>();
        if (merge.type() != RecordType.ACCOUNT) {
            return moved;
        }
        AccountId survivor = AccountId.of(merge.survivor());
        for (UUID id : merge.merged()) {
            AccountId account = AccountId.of(id);
            for (DunningCase dunningCase : cases.findByAccount(merge.tenant(), account)) {
                DunningCase movedCase = DunningCase.restore(withAccount(dunningCase.state(), account, survivor));
                if (movedCase.isOpen()) {
                    Optional<DunningCase> open = cases.findOpenByGroup(merge.tenant(), movedCase.group());
                    if (open.isPresent()) {
                        throw new IllegalTransitionException("dunning case " + dunningCase.id() + " of account "
                                + account + " and dunning case " + open.get().id() + " of account " + survivor
                                + " are both open for " + movedCase.group().key() + ": close one before merging");
                    }
                }
                DunningCase saved = cases.save(movedCase);
                moved.add(new MovedRecord(saved.id().value(), id, saved.state().version()).text());
            }
        }
        return moved;
    }

    @Override
    public List<String> unmergeBlockers(MergeRecord merge, List<String> moved) {
        List<String> reasons = new ArrayList<>();
        for (String text : moved) {
            MovedRecord move = MovedRecord.parse(text);
            DunningCaseId id = DunningCaseId.of(move.record());
            Optional<DunningCase> current = cases.findById(merge.tenant(), id);
            if (current.isEmpty() || current.get().state().version() != move.version()) {
                reasons.add("dunning case " + id + " was changed after the merge");
            }
        }
        return reasons;
    }

    @Override
    public void moveBack(MergeRecord merge, List<String> moved) {
        AccountId survivor = AccountId.of(merge.survivor());
        for (String text : moved) {
            MovedRecord move = MovedRecord.parse(text);
            DunningCase current = cases.findById(merge.tenant(), DunningCaseId.of(move.record()))
                    .orElseThrow();
            cases.save(DunningCase.restore(withAccount(current.state(), survivor, AccountId.of(move.from()))));
        }
    }

    /** The case's state with the account {@code to} instead of {@code from}, in its group too. */
    private static DunningCaseState withAccount(DunningCaseState s, AccountId from, AccountId to) {
        return new DunningCaseState(
                s.tenant(),
                s.id(),
                s.version(),
                to,
                s.policy(),
                s.groupKey().replace(from.value().toString(), to.value().toString()),
                s.currency(),
                s.status(),
                s.openedOn(),
                s.closedOn(),
                s.items(),
                s.promisedUntil(),
                s.fees(),
                s.steps(),
                s.lastLevel(),
                s.creditHoldPlaced(),
                s.handedOver(),
                s.history(),
                s.createdAt(),
                s.nextStepOn());
    }
}
