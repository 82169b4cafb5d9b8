package org.crmkit.workflow.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MovedRecord;
import org.crmkit.core.spi.MergeParticipant;

/**
 * Follow-up sequences' part in merges of contacts: the merged contacts' running enrolments move to the survivor, and
 * back on unmerge. A merge is refused while a merged contact and the survivor both run the same sequence (the
 * survivor would get each step twice): end one first. Each move is kept as a {@link MovedRecord}; an unmerge is
 * refused once such an enrolment went on (it was saved again).
 */
final class SequenceMerge implements MergeParticipant {

    private final EnrolmentStore enrolments;

    SequenceMerge(EnrolmentStore enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public String name() {
        return "sequences";
    }

    @Override
    public List<String> moveToSurvivor(MergeRecord merge) {
        List<String> moved = new ArrayList<>();
        if (merge.type() != RecordType.CONTACT) {
            return moved;
        }
        ContactId survivor = ContactId.of(merge.survivor());
        List<Enrolment> survivorRuns = enrolments.findRunning(merge.tenant(), survivor);
        for (UUID id : merge.merged()) {
            ContactId contact = ContactId.of(id);
            for (Enrolment enrolment : enrolments.findRunning(merge.tenant(), contact)) {
                survivorRuns.stream()
                        .filter(run -> run.sequence().equals(enrolment.sequence()))
                        .findFirst()
                        .ifPresent(run -> {
                            throw new IllegalTransitionException("contact " + contact + " (enrolment "
                                    + enrolment.id() + ") and contact " + survivor + " (enrolment " + run.id()
                                    + ") both run sequence '" + enrolment.sequence() + "': end one before merging");
                        });
                Enrolment saved = enrolments.update(enrolment.movedTo(survivor));
                moved.add(new MovedRecord(saved.id().value(), id, saved.version()).text());
            }
        }
        return moved;
    }

    @Override
    public List<String> unmergeBlockers(MergeRecord merge, List<String> moved) {
        List<String> reasons = new ArrayList<>();
        for (String text : moved) {
            MovedRecord move = MovedRecord.parse(text);
            EnrolmentId id = EnrolmentId.of(move.record());
            Optional<Enrolment> current = enrolments.findById(merge.tenant(), id);
            if (current.isEmpty() || current.get().version() != move.version()) {
                reasons.add("sequence enrolment " + id + " went on after the merge");
            }
        }
        return reasons;
    }

    @Override
    public void moveBack(MergeRecord merge, List<String> moved) {
        for (String text : moved) {
            MovedRecord move = MovedRecord.parse(text);
            Enrolment current = enrolments
                    .findById(merge.tenant(), EnrolmentId.of(move.record()))
                    .orElseThrow();
            enrolments.update(current.movedTo(ContactId.of(move.from())));
        }
    }
}
