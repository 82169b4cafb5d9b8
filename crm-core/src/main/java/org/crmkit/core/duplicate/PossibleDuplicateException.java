package org.crmkit.core.duplicate;

import java.util.List;
import java.util.stream.Collectors;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * A contact or account was refused because stored records may be the same ({@link DuplicatePolicy#REFUSE}): names
 * each candidate with its score and matched rules; nothing is stored. Code {@link ErrorCode#DUPLICATE}.
 */
public final class PossibleDuplicateException extends CrmException {

    private final List<DuplicateCandidate> candidates;

    public PossibleDuplicateException(String recordType, int refuseFrom, List<DuplicateCandidate> candidates) {
        super(
                ErrorCode.DUPLICATE,
                "the " + recordType + " may duplicate " + describe(candidates) + " (refused from a score of "
                        + refuseFrom + "); merge them, change the duplicate rules or register it under another policy");
        this.candidates = List.copyOf(candidates);
    }

    private static String describe(List<DuplicateCandidate> candidates) {
        return candidates.stream()
                .map(c -> c.record() + " scoring " + c.score() + " on "
                        + c.matches().stream()
                                .map(m -> m.kind() + " " + m.value())
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** The candidates, highest score first. */
    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
