package org.crmkit.workflow.dunning;

import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;

/** Dunning's policies by name and the host's choice of an account's policy (the first policy by default). */
final class Policies {

    private final Map<String, DunningPolicy> byName;
    private final Function<Account, String> choice;
    private final boolean choosesByAccount;

    Policies(Map<String, DunningPolicy> byName, String first, Function<Account, String> choice) {
        this.byName = Map.copyOf(byName);
        this.choice = choice == null ? account -> first : choice;
        this.choosesByAccount = choice != null;
    }

    /** The policy of that name; {@code RecordNotFoundException} when there is none. */
    DunningPolicy named(String name) {
        DunningPolicy policy = byName.get(Require.notBlank(name, "name"));
        if (policy == null) {
            throw new RecordNotFoundException("DunningPolicy", name);
        }
        return policy;
    }

    /** Whether the host chooses by account, so that planning must read the accounts. */
    boolean choosesByAccount() {
        return choosesByAccount;
    }

    /** The policy of an account, or of one that is not in crmkit ({@code account} null). */
    DunningPolicy of(Account account) {
        String name = choice.apply(account);
        DunningPolicy policy = byName.get(name);
        if (policy == null) {
            throw InvalidValueException.invalid(
                    "policyChoice",
                    "chose '" + name + "' for account "
                            + (account == null ? "outside crmkit" : account.id()) + ", which is none of the policies "
                            + byName.keySet());
        }
        return policy;
    }

    /** The policy a case runs under: its own, or the account's when the case's was removed from the configuration. */
    DunningPolicy of(DunningCase dunningCase, Crm crm) {
        DunningPolicy policy = byName.get(dunningCase.policy());
        return policy != null
                ? policy
                : crm.parties()
                        .findAccount(dunningCase.account())
                        .map(this::of)
                        .orElseThrow(() -> new RecordNotFoundException("DunningPolicy", dunningCase.policy()));
    }

    /** How many days before the due date the earliest first level of any policy comes (a courtesy reminder). */
    int lookaheadDays() {
        return byName.values().stream()
                .mapToInt(policy -> Math.max(0, -policy.firstOffsetDays()))
                .max()
                .orElse(0);
    }
}
