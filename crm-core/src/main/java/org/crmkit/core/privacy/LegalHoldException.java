package org.crmkit.core.privacy;

import java.util.List;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.RecordRef;

/**
 * An erasure refused because legal holds apply to the person ({@code CRM-0012}); {@link #holds()} names each one.
 * Nothing was erased. An erasure that must happen all the same is made with a stated reason through
 * {@code Privacy.eraseDespiteLegalHold}.
 */
public final class LegalHoldException extends CrmException {

    private final transient List<String> holds;

    public LegalHoldException(RecordRef subject, List<String> holds) {
        super(
                ErrorCode.LEGAL_HOLD,
                "subject",
                subject.type() + " " + subject.id() + " cannot be erased while legal holds apply: "
                        + String.join("; ", holds),
                null);
        this.holds = List.copyOf(holds);
    }

    /** The holds that apply, each a sentence saying what holds the data and why. */
    public List<String> holds() {
        return holds;
    }
}
