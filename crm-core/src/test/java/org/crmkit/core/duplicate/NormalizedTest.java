package org.crmkit.core.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizedTest {

    @Test
    void namesLoseCaseAccentsAndPunctuation() {
        assertThat(Normalized.name("  Zoë O'Brien-Łukasik ")).isEqualTo("zoe o brien lukasik");
        assertThat(Normalized.name("STRAßE Ærø")).isEqualTo("strasse aero");
        assertThat(Normalized.name(null)).isEmpty();
    }

    @Test
    void companyNamesLoseTheirLegalForm() {
        assertThat(Normalized.companyName("Müller Maschinenbau GmbH & Co. KG")).isEqualTo("muller maschinenbau");
        assertThat(Normalized.companyName("Kowalski Sp. z o.o.")).isEqualTo("kowalski");
        assertThat(Normalized.companyName("ООО «Ромашка»")).isEqualTo("ромашка");
        assertThat(Normalized.companyName("OOO Romashka")).isEqualTo("romashka");
        assertThat(Normalized.companyName("Nokia Oyj")).isEqualTo("nokia");
        assertThat(Normalized.companyName("Hämeen Oy")).isEqualTo("hameen");
        assertThat(Normalized.companyName("Volvo AB")).isEqualTo("volvo");
        assertThat(Normalized.companyName("ACME Pty. Ltd.")).isEqualTo("acme");
        assertThat(Normalized.companyName("Acme, Inc.")).isEqualTo("acme");
        assertThat(Normalized.companyName("Société Générale S.A.")).isEqualTo("societe generale");
    }

    @Test
    void aNameThatIsOnlyALegalFormKeepsIt() {
        assertThat(Normalized.companyName("AB")).isEqualTo("ab");
        assertThat(Normalized.companyName("Co. Ltd")).isEqualTo("co");
    }

    @Test
    void taxIdsAndPostcodesLoseSpacesAndPunctuation() {
        assertThat(Normalized.taxId("de 123.456.789")).isEqualTo("DE123456789");
        assertThat(Normalized.postcode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(Normalized.postcode("00-950")).isEqualTo("00950");
        assertThat(Normalized.postcode(" - ")).isNull();
    }
}
