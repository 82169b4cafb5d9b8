package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void emailDomainIsNormalisedAndLocalPartKept() {
        EmailAddress email = EmailAddress.of("  Anna.Berg@Example.COM ");

        assertThat(email.value()).isEqualTo("Anna.Berg@example.com");
        assertThat(email.normalized()).isEqualTo("anna.berg@example.com");
        assertThat(EmailAddress.of("info@bücher.de").domain()).isEqualTo("xn--bcher-kva.de");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna",
                "anna@",
                "@example.com",
                "anna@example",
                "an na@example.com",
                "anna@exa_mple.com",
                "anna..berg@example.com",
                "anna@-example.com"
            })
    void malformedEmailsAreRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("email"));
    }

    @Test
    void phoneNumbersAreStoredAsE164() {
        assertThat(PhoneNumber.parse("030 1234567", "DE").e164()).isEqualTo("+49301234567");
        assertThat(PhoneNumber.parse("+1 (650) 253-0000").e164()).isEqualTo("+16502530000");
        assertThat(PhoneNumber.parse("+1 650 253 0000").region()).isEqualTo("US");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "+49 1", "0049"})
    void invalidPhoneNumbersAreRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text, "DE"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("phone"));
    }

    @Test
    void phoneNumberConstructorInsistsOnE164() {
        assertThatThrownBy(() -> new PhoneNumber("030 1234567")).isInstanceOf(InvalidValueException.class);
        assertThat(new PhoneNumber("+49301234567").e164()).isEqualTo("+49301234567");
    }

    @Test
    void postalAddressNeedsAnIsoCountry() {
        PostalAddress address = PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "de");

        assertThat(address.country().value()).isEqualTo("DE");
        assertThatThrownBy(() -> PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "XX"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("country"));
        assertThatThrownBy(() -> PostalAddress.of("Hauptstr. 1", "10115", " ", "DE"))
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("address.city"));
    }

    @Test
    void tenantIdsAreValidated() {
        assertThat(TenantId.of("acme-gmbh").value()).isEqualTo("acme-gmbh");
        assertThatThrownBy(() -> TenantId.of("acme gmbh")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TenantId.of(""))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((CrmException) e).errorCode())
                .isEqualTo(ErrorCode.REQUIRED);
    }

    @Test
    void typedIdsParseOnlyCanonicalUuids() {
        UUID uuid = UUID.randomUUID();

        assertThat(ContactId.parse(uuid.toString()).value()).isEqualTo(uuid);
        assertThatThrownBy(() -> ContactId.parse("not-a-uuid"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("contactId"));
    }

    @Test
    void generatedIdsAreTimeOrderedVersion7AndUnique() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        IdGenerator ids = new IdGenerator(clock);

        List<UUID> generated = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            generated.add(ids.next());
        }

        assertThat(generated).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(generated)).hasSize(generated.size());
        List<UUID> sorted = new ArrayList<>(generated);
        sorted.sort((a, b) -> Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits()));
        assertThat(sorted).isEqualTo(generated);
        assertThat(generated.get(0).getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void errorCodesAreUniqueAndStable() {
        List<String> codes =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        assertThat(codes).allMatch(code -> code.matches("CRM-\\d{4}"));
        assertThat(ErrorCode.INVALID_VALUE.code()).isEqualTo("CRM-0002");
    }

    @Test
    void pagesCutOrderedResults() {
        Page<Integer> page = Page.of(List.of(1, 2, 3, 4, 5), PageRequest.of(1, 2));

        assertThat(page.items()).containsExactly(3, 4);
        assertThat(page.hasNext()).isTrue();
        assertThat(Page.of(List.of(1, 2, 3, 4, 5), PageRequest.of(2, 2)).hasNext())
                .isFalse();
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 5000)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aRefusalOfAFieldNamesItsPathCodeAndReasonAsAViolation() {
        assertThatThrownBy(() -> Require.positive(0, "lines[2].quantity"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.violations())
                            .containsExactly(Violation.of("CRM-0002", "must be positive, was 0", "lines[2].quantity"));
                    assertThat(e.getMessage()).isEqualTo("CRM-0002: lines[2].quantity: must be positive, was 0");
                });
        assertThat(new CurrencyMismatchException("amount", Currency.getInstance("EUR"), Currency.getInstance("USD"))
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("amount", "CRM-0003"));
        assertThat(new RecordNotFoundException("Account", "42", "account").violations())
                .containsExactly(Violation.of("CRM-0004", "Account 42 not found", "account"));
    }

    @Test
    void aFailureOfNoFieldHasNoViolationAndKeepsItsCauseOpenForTheAdapter() {
        StaleVersionException stale = new StaleVersionException("Contact", "42", 1, 2);
        RecordNotFoundException missing = new RecordNotFoundException("Contact", "42");
        IllegalStateException driver = new IllegalStateException("duplicate key");

        missing.initCause(driver);

        assertThat(stale.violations()).isEmpty();
        assertThat(missing.violations()).isEmpty();
        assertThat(missing.getCause()).isSameAs(driver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul \u0000 inside", "high \uD83D alone", "\uDE00 low first", "last high \uD83D"})
    void textNoDatabaseKeepsIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> Require.storableText(text, "subject"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.getMessage())
                            .contains("position "
                                    + text.indexOf(text.chars()
                                            .filter(c -> c == 0 || Character.isSurrogate((char) c))
                                            .findFirst()
                                            .orElseThrow()));
                });
        assertThatThrownBy(() -> Require.notBlank(text, "subject")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Require.maxLength(text, 100, "subject")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void supplementaryCharactersControlsAndNoncharactersAreStorableText() {
        String text = "\uD83D\uDE00 \uD835\uDD04 \u0001 \uFFFF";

        assertThat(Require.storableText(text, "subject")).isEqualTo(text);
        assertThat(Require.storableText(null, "subject")).isNull();
    }
}
