package org.crmkit.core.party;

import java.time.LocalDate;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Require;

/**
 * A contact working at an account in a role ({@code "CFO"}) for a period, possibly as a decision maker.
 * The role is trimmed, at most 100 characters.
 */
public record Affiliation(AccountId account, String role, boolean decisionMaker, DateRange period) {

    public Affiliation {
        Require.notNull(account, "account");
        role = Require.maxLength(Require.notBlank(role, "role"), 100, "role");
        Require.notNull(period, "period");
    }

    public boolean isCurrentOn(LocalDate date) {
        return period.contains(date);
    }
}
