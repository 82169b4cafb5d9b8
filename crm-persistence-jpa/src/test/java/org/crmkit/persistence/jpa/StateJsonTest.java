package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.crmkit.core.activity.Recurrence;
import org.crmkit.core.activity.TaskRecurrence;
import org.crmkit.core.party.ContactDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored form of values must not depend on the JDK: JDK 25 seals {@code java.time.ZoneId}, and a zone written
 * with a type name ({@code ["ZoneRegion","Europe/Berlin"]}) could not be read back on any JDK.
 */
class StateJsonTest {

    private final StateJson json = new StateJson(mapper -> {});

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "+02:00", "Z"})
    void aTimeZoneIsStoredAsItsPlainIdAndReadBack(String zone) {
        ContactDetails details = new ContactDetails(Locale.GERMAN, LocalDate.of(1980, 5, 17), ZoneId.of(zone));

        String stored = json.write(details);

        assertThat(stored).contains("\"timeZone\":\"" + zone + "\"");
        assertThat(json.read(stored, ContactDetails.class, "ContactDetails")).isEqualTo(details);
    }

    @Test
    void aValueOfCrmkitsSealedTypesCarriesItsTypeName() {
        TaskRecurrence recurrence = TaskRecurrence.of(Recurrence.everyDays(3), ZoneOffset.UTC);

        String stored = json.write(recurrence);

        assertThat(stored).contains("\"@type\":\"Recurrence$Daily\"").contains("\"zone\":\"Z\"");
        assertThat(json.read(stored, TaskRecurrence.class, "TaskRecurrence")).isEqualTo(recurrence);
    }
}
