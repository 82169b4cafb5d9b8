package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
    @ValueSource(strings = {"anna", "anna@", "@example.com", "anna@example", "an na@example.com", "anna@exa_mple.com",
            "anna..berg@example.com", "anna@-example.com"})
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
        assertThatThrownBy(() -> TenantId.of("")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((CrmException) e).errorCode()).isEqualTo(ErrorCode.REQUIRED);
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
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        assertThat(codes).allMatch(code -> code.matches("CRM-\\d{4}"));
        assertThat(ErrorCode.INVALID_VALUE.code()).isEqualTo("CRM-0002");
    }

    @Test
    void pagesCutOrderedResults() {
        Page<Integer> page = Page.of(List.of(1, 2, 3, 4, 5), PageRequest.of(1, 2));

        assertThat(page.items()).containsExactly(3, 4);
        assertThat(page.hasNext()).isTrue();
        assertThat(Page.of(List.of(1, 2, 3, 4, 5), PageRequest.of(2, 2)).hasNext()).isFalse();
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 5000)).isInstanceOf(InvalidValueException.class);
    }
}
