package org.crmkit.examples.trial;

import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A customer's trial of the host's product: the example workflow's own state. Changes return a changed copy; the
 * store checks {@code version} (0 for a new trial) when it saves one.
 */
public record Trial(TenantId tenant, UUID id, AccountId account, LocalDate endsOn, TrialStatus status, long version) {

    public Trial {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(account, "account");
        Require.notNull(endsOn, "endsOn");
        Require.notNull(status, "status");
        Require.that(version >= 0, "version", "must not be negative, was " + version);
    }

    /** A new trial of the account, running until the end of {@code endsOn}. */
    public static Trial start(TenantId tenant, UUID id, AccountId account, LocalDate endsOn) {
        return new Trial(tenant, id, account, endsOn, TrialStatus.RUNNING, 0);
    }

    /** The subject of the trial's actions, which a conversion cancels. */
    public String subject() {
        return "trial:" + id;
    }

    public Trial reminded() {
        return moveTo(TrialStatus.REMINDED);
    }

    public Trial ended() {
        return moveTo(TrialStatus.ENDED);
    }

    public Trial converted() {
        return moveTo(TrialStatus.CONVERTED);
    }

    /** The same trial as stored with the given version. */
    public Trial withVersion(long newVersion) {
        return new Trial(tenant, id, account, endsOn, status, newVersion);
    }

    private Trial moveTo(TrialStatus next) {
        if (!status.isRunning()) {
            throw new IllegalTransitionException("Trial", status, next);
        }
        return new Trial(tenant, id, account, endsOn, next, version);
    }
}
