package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

class DunningPolicyTest {

    private static DunningPolicy.Builder policy() {
        return DunningPolicy.builder("b2b").currency("EUR");
    }

    @Test
    void wellFormedLadderKeepsItsLevelsInOrderWithTheirSettings() {
        DunningPolicy policy = policy().level(
                        DunningLevel.daysAfterDue(-3).notice(Channel.EMAIL).template("courtesy"))
                .level(DunningLevel.daysAfterDue(7)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .fee("5.00")
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterPreviousNotice(14)
                        .callTaskForAccountOwner(2)
                        .minimumOverdueBalance("50.00")
                        .minimumOverdueInvoices(1)
                        .minimumDaysOverdue(20))
                .build();

        assertThat(policy.levels()).extracting(DunningLevel::number).containsExactly(1, 2, 3);
        assertThat(policy.firstOffsetDays()).isEqualTo(-3);
        assertThat(policy.level(1).template()).isEqualTo("courtesy");
        assertThat(policy.level(2).template()).isEqualTo("dunning-level-2");
        assertThat(policy.level(2).noticeChannels()).containsExactly(Channel.EMAIL, Channel.LETTER);
        assertThat(policy.level(2).fee()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(policy.level(3).conditions()).isEqualTo(new DunningConditions(Money.of("50.00", "EUR"), 1, 20));
        assertThat(policy.level(3).sendsNotice()).isFalse();
    }

    @Test
    void levelsOutOfOrderAreRefusedNamingTheLevel() {
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(21).notice(Channel.EMAIL))
                        .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels[1].offsetDays")
                .hasMessageContaining("levels must be in order");
    }

    @Test
    void negativeFeeIsRefused() {
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7)
                                .notice(Channel.EMAIL)
                                .fee("-5.00"))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels[0].fee: must not be negative, was EUR -5.00");
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> DunningPolicy.builder("b2b")
                        .currency("EUX")
                        .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("currency: 'EUX' is not an ISO 4217 currency code");
    }

    @Test
    void feeInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7)
                                .notice(Channel.EMAIL)
                                .fee(Money.of("5.00", "USD")))
                        .build())
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("levels[0].fee");
    }

    @Test
    void levelThatDoesNothingIsRefused() {
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels[0]: does nothing");
    }

    @Test
    void firstLevelCannotCountFromAPreviousNotice() {
        assertThatThrownBy(() -> policy().level(
                                DunningLevel.daysAfterPreviousNotice(7).notice(Channel.EMAIL))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels[0].offsetDays");
    }

    @Test
    void policyWithoutLevelsOrNameIsRefused() {
        assertThatThrownBy(() -> policy().build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels: a policy needs at least one level");
        assertThatThrownBy(() -> DunningPolicy.builder(" ")
                        .level(DunningLevel.daysAfterDue(7).creditHold())
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("name");
    }

    @Test
    void malformedAmountsAndChannelsAreRefused() {
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7)
                                .notice(Channel.EMAIL)
                                .fee("five"))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("levels[0].fee: 'five'");
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7)
                                .notice(Channel.EMAIL)
                                .fee("0.001"))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("minor unit");
        assertThatThrownBy(() -> policy().level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL, Channel.EMAIL))
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lists a channel twice");
    }
}
