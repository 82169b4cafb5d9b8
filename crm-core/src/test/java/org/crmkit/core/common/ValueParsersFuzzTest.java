package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text handed to a value type's parser gives a value that reads back as itself, or is refused with an
 * {@link InvalidValueException} naming the field. In the normal test run Jazzer replays the committed inputs under
 * {@code src/test/resources/org/crmkit/core/common/ValueParsersFuzzTestInputs}; crm-analytics/README.md shows how to
 * fuzz for longer.
 */
class ValueParsersFuzzTest {

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "2m")
    void anEmailAddressIsNormalisedOnceOrRefused(byte[] input) {
        EmailAddress email;
        try {
            email = EmailAddress.of(text(input));
        } catch (InvalidValueException refused) {
            assertThat(refused.field()).isEqualTo("email");
            return;
        }
        assertThat(EmailAddress.of(email.value())).isEqualTo(email);
        assertThat(email.value()).hasSizeLessThanOrEqualTo(254);
        assertThat(email.localPart() + "@" + email.domain()).isEqualTo(email.value());
    }

    /** The first line is the default region (empty for none), the rest the number as typed. */
    @FuzzTest(maxDuration = "2m")
    void aPhoneNumberReadsBackFromItsE164FormOrIsRefused(byte[] input) {
        String all = text(input);
        int newline = all.indexOf('\n');
        String region = newline < 0 || newline == 0 ? null : all.substring(0, newline);
        String number = newline < 0 ? all : all.substring(newline + 1);
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(number, region);
        } catch (InvalidValueException refused) {
            assertThat(refused.field()).isEqualTo("phone");
            return;
        }
        assertThat(new PhoneNumber(phone.e164())).isEqualTo(phone);
        assertThat(PhoneNumber.parse(phone.e164())).isEqualTo(phone);
        assertThat(phone.region()).isNotBlank();
    }

    @FuzzTest(maxDuration = "2m")
    void moneyReadsBackFromItsTextWithinTheLimitsOrIsRefused(byte[] input) {
        Money money;
        try {
            money = Money.parse(text(input));
        } catch (InvalidValueException refused) {
            assertThat(refused.field()).isIn("money", "amount", "currency");
            return;
        }
        assertThat(Money.parse(money.toString())).isEqualTo(money);
        assertThat(Money.isWithinLimits(money.amount())).isTrue();
        assertThat(money.toString().length())
                .isLessThanOrEqualTo("EUR -".length() + Money.MAX_INTEGER_DIGITS + 1 + Money.MAX_DECIMALS);
        assertThat(money.plus(money).minus(money)).isEqualTo(money);
    }
}
