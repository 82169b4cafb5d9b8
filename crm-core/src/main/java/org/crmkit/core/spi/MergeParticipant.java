package org.crmkit.core.spi;

import java.util.List;
import org.crmkit.core.merge.MergeRecord;

/**
 * A part of the application besides crmkit's storage that keeps records of contacts or accounts (crm-workflow's
 * dunning cases and sequence enrolments, a host's own tables), so that a merge moves them to the survivor and an
 * unmerge moves them back. Register it with {@code crm.merges().register(participant)}; without any, a merge moves
 * crmkit's own records only. Both methods run inside the transaction of the merge or unmerge, and see only {@code
 * merge.tenant()}'s records; a {@code CrmException} thrown by either refuses the whole merge or unmerge, which then
 * leaves nothing changed. Implementations are thread-safe.
 */
public interface MergeParticipant {

    /** A stable name, under which the merge record keeps what this participant moved. */
    String name();

    /**
     * Moves the participant's records of {@code merge.merged()} to {@code merge.survivor()} (both of {@code
     * merge.type()}), and returns what it moved in words it can read back on unmerge (ids, with what it needs to
     * move each back); empty when it moved nothing. {@code merge.participants()} is still empty here.
     */
    List<String> moveToSurvivor(MergeRecord merge);

    /**
     * The reasons, each a sentence naming the record, why what it moved ({@code moved}, as returned by {@link
     * #moveToSurvivor}) cannot be moved back now (e.g. a dunning case changed since the merge); empty when it can.
     */
    List<String> unmergeBlockers(MergeRecord merge, List<String> moved);

    /** Moves back what it moved in the merge; called only when {@link #unmergeBlockers} answered none. */
    void moveBack(MergeRecord merge, List<String> moved);
}
