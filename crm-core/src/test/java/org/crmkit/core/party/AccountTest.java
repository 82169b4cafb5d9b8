package org.crmkit.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final UserId OWNER = UserId.of(UUID.randomUUID());
    private static final AccountId HOLDING = AccountId.of(UUID.randomUUID());
    private static final AccountId OTHER_HOLDING = AccountId.of(UUID.randomUUID());

    private static Account acme() {
        return Account.register(TENANT, AccountId.of(UUID.randomUUID()), NewAccount.of("ACME GmbH", OWNER), CLOCK);
    }

    @Test
    void registeringRecordsAccountRegistered() {
        Account account = acme();

        assertThat(account.name()).isEqualTo("ACME GmbH");
        assertThat(account.pendingEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        AccountRegistered.class,
                        event -> assertThat(event.name()).isEqualTo("ACME GmbH"));
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> NewAccount.of("  ", OWNER))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void namesCompareIgnoringCaseAndExtraWhitespace() {
        assertThat(Account.normalizeName("  ACME   GmbH ")).isEqualTo("acme gmbh");
    }

    @Test
    void aWebsiteWithoutSchemeIsReadAsHttps() {
        assertThat(new AccountDetails(null, null, "acme.example", null).website())
                .isEqualTo("https://acme.example");
    }

    @Test
    void malformedWebsiteAndTaxIdAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new AccountDetails(null, null, "ftp://acme.example", null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("website"));
        assertThatThrownBy(() -> new AccountDetails(null, null, null, "DE#123"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("taxId"));
    }

    @Test
    void anAccountCannotBeItsOwnParent() {
        Account account = acme();

        assertThatThrownBy(() -> account.setParent(account.id(), LocalDate.of(2025, 1, 1), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("parent"));
    }

    @Test
    void aNewParentEndsTheCurrentLinkTheDayBefore() {
        Account account = acme();

        account.setParent(HOLDING, LocalDate.of(2024, 1, 1), CLOCK);
        account.setParent(OTHER_HOLDING, LocalDate.of(2025, 1, 1), CLOCK);

        assertThat(account.parentOn(LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(account.parentOn(LocalDate.of(2024, 12, 31))).contains(HOLDING);
        assertThat(account.parentOn(LocalDate.of(2025, 1, 1))).contains(OTHER_HOLDING);
        assertThat(account.parents()).hasSize(2);
    }

    @Test
    void aParentLinkStartingBeforeTheLatestIsRefused() {
        Account account = acme();
        account.setParent(HOLDING, LocalDate.of(2024, 1, 1), CLOCK);

        assertThatThrownBy(() -> account.setParent(OTHER_HOLDING, LocalDate.of(2024, 1, 1), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void removingTheParentLeavesNoneFromThatDay() {
        Account account = acme();
        account.setParent(HOLDING, LocalDate.of(2024, 1, 1), CLOCK);

        account.removeParent(LocalDate.of(2025, 1, 1), CLOCK);

        assertThat(account.parentOn(LocalDate.of(2024, 12, 31))).contains(HOLDING);
        assertThat(account.parentOn(LocalDate.of(2025, 1, 1))).isEmpty();
        assertThat(account.pendingEvents())
                .last()
                .isEqualTo(new AccountParentChanged(
                        TENANT, account.id().value(), CLOCK.instant(), null, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void creditHoldIsPlacedAndReleasedOnce() {
        Account account = acme();

        account.placeOnCreditHold("invoice 2026-001 overdue", CLOCK);
        assertThat(account.isOnCreditHold()).isTrue();
        assertThatThrownBy(() -> account.placeOnCreditHold("again", CLOCK))
                .isInstanceOf(IllegalTransitionException.class);

        account.releaseCreditHold(CLOCK);
        assertThat(account.isOnCreditHold()).isFalse();
        assertThatThrownBy(() -> account.releaseCreditHold(CLOCK)).isInstanceOf(IllegalTransitionException.class);
        assertThat(account.pendingEvents())
                .hasAtLeastOneElementOfType(AccountCreditHoldPlaced.class)
                .hasAtLeastOneElementOfType(AccountCreditHoldReleased.class);
    }

    @Test
    void theStateRoundTripKeepsEveryField() {
        Account account = acme();
        account.changeDetails(
                new AccountDetails("ACME Gesellschaft mbH", "Manufacturing", "https://acme.example", "DE123456789"),
                CLOCK);
        account.setParent(HOLDING, LocalDate.of(2024, 1, 1), CLOCK);
        account.placeOnCreditHold("overdue", CLOCK);
        account.tag("key account", CLOCK);

        Account restored = Account.restore(account.state());

        assertThat(restored.state()).isEqualTo(account.state());
    }
}
