package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.crmkit.core.Crm;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class OfflineDevicesExampleTest {

    @Test
    void eachLaptopGetsItsRegionTheOfflineEditsGoUpOnceAndTheMovingAccountChangesLaptops() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create(clock))
                .clock(clock)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        OfflineDevicesExample.run(crm, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "Anna's laptop, initial sync: Account Hafen Logistik",
                        "Anna's laptop, initial sync: Contact Jens Olsen",
                        "Ben's laptop, initial sync: Account Alpen Bau",
                        "Ben's laptop, initial sync: Contact Resi Huber",
                        "Ben's laptop: Account Alpen Bau AG",
                        "Anna's laptop, sync up 1: Account CONFLICT, Account.name kept 'Hafen Logistik GmbH' (device:"
                                + " 'Hafen Logistik Nord', KEEP_FOR_PERSON)",
                        "Anna's laptop, sync up 1: Contact APPLIED",
                        "Anna's laptop, sync up 2: Account CONFLICT, Account.name kept 'Hafen Logistik GmbH' (device:"
                                + " 'Hafen Logistik Nord', KEEP_FOR_PERSON)",
                        "Anna's laptop, sync up 2: Contact UNCHANGED",
                        "Anna's laptop: Account Hafen Logistik GmbH",
                        "Anna's laptop: Task 'Settle a sync conflict on Account'",
                        "Hafen Logistik moves to Munich:",
                        "Anna's laptop: Account removed",
                        "Anna's laptop: Contact removed",
                        "Anna's laptop: Task removed",
                        "Ben's laptop: Task 'Settle a sync conflict on Account'",
                        "Ben's laptop: Account Hafen Logistik GmbH",
                        "Ben's laptop: Contact Jens Olsen");
    }
}
