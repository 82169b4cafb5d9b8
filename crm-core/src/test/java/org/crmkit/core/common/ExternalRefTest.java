package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalRefTest {

    @Test
    void theSystemIsKeptInLowerCaseAndTheKeyTrimmedButOtherwiseExact() {
        ExternalRef ref = ExternalRef.of(" ERP ", "  C-10045 ");

        assertThat(ref).isEqualTo(ExternalRef.of("erp", "C-10045"));
        assertThat(ref).isNotEqualTo(ExternalRef.of("erp", "c-10045"));
        assertThat(ref).hasToString("erp/C-10045");
        assertThat(ExternalRef.of("sap.s4-hana_2", "0000/4711:A").key()).isEqualTo("0000/4711:A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e r p", "erp/1", "-erp", "sap:s4", "ärp", "a23456789012345678901234567890123456789012"})
    void aSystemNameOutsideLettersDigitsAndDashesIsRefusedNamingTheField(String system) {
        assertThatThrownBy(() -> ExternalRef.of(system, "C-1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("externalRef.system"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"'   '|REQUIRED", "'C-1\tA'|INVALID_VALUE"})
    void aBlankKeyOrOneWithControlCharactersIsRefusedNamingTheField(String key, ErrorCode code) {
        assertThatThrownBy(() -> ExternalRef.of("erp", key)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("externalRef.key");
            assertThat(e.errorCode()).isEqualTo(code);
        });
    }

    @Test
    void aKeyOverTwoHundredCharactersIsRefused() {
        char[] key = new char[201];
        Arrays.fill(key, 'k');

        assertThat(ExternalRef.of("erp", new String(key, 0, 200)).key()).hasSize(200);
        assertThatThrownBy(() -> ExternalRef.of("erp", new String(key)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("externalRef.key"));
    }

    @Test
    void aRecordsReferencesHaveNoRepeatsAndNullReadsAsNone() {
        ExternalRef erp = ExternalRef.of("erp", "C-1");
        ExternalRef shop = ExternalRef.of("shop", "C-1");

        assertThat(ExternalRef.distinct(List.of(erp, shop, ExternalRef.of("ERP", "C-1"))))
                .containsExactly(erp, shop);
        assertThat(ExternalRef.distinct(null)).isEmpty();
        assertThat(ExternalRef.adding(List.of(erp), erp)).containsExactly(erp);
        assertThat(ExternalRef.adding(List.of(erp), shop)).containsExactly(erp, shop);
    }
}
