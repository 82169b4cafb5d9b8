package org.crmkit.core.merge;

import java.util.List;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.MergeId;

/**
 * An unmerge was refused because something newer depends on the merge ({@link ErrorCode#ILLEGAL_STATE}): the
 * merge was already undone, a later merge in force involves its survivor, a record the merge wrote no longer exists
 * or holds other content than the merge left in it, or a participant reports such a record of its own. {@link
 * #reasons()} names each; nothing was changed.
 */
public final class UnmergeRefusedException extends CrmException {

    private final transient MergeId merge;
    private final List<String> reasons;

    public UnmergeRefusedException(MergeId merge, List<String> reasons) {
        super(ErrorCode.ILLEGAL_STATE, "merge " + merge + " cannot be undone: " + String.join("; ", reasons));
        this.merge = merge;
        this.reasons = List.copyOf(reasons);
    }

    public MergeId merge() {
        return merge;
    }

    /** Why, one sentence per blocking fact, each naming the record or merge concerned. */
    public List<String> reasons() {
        return reasons;
    }
}
