package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class ErpSyncExampleTest {

    @Test
    void theSecondNightChangesNothingTheScanFindsTheTypedInContactAndTheDryRunNamesRowsAndColumns() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        List<String> events = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> events.add(entry.event().eventType()))
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ErpSyncExample.run(crm, storage.transactions(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "Night 1: 5 CREATED",
                        "Night 2: 5 UNCHANGED",
                        "Duplicate scan: 1 cluster(s)",
                        "  Kim Berg <kim.berg@acme.example> ~ Kim Berg <KIM.BERG@acme.example>, score 60 on EMAIL"
                                + " kim.berg@acme.example",
                        "Trade fair CSV, dry run:",
                        "  row 2: CREATED",
                        "  row 3: POSSIBLE_DUPLICATE of Kim Berg <kim.berg@acme.example> (score 60), Kim Berg"
                                + " <KIM.BERG@acme.example> (score 60)",
                        "  row 4: ERROR column 'E-mail': CRM-0002: 'sam@@initech' has no top-level domain",
                        "  row 5: ERROR column 'Country': CRM-0002: 'XX' is not an ISO 3166-1 alpha-2 country code",
                        "  kept: false, contacts stored: 2");
        assertThat(events).filteredOn("AccountRegistered"::equals).hasSize(2);
        assertThat(events)
                .as("the ERP's contact and the one typed in; the dry run's were rolled back")
                .filteredOn("ContactRegistered"::equals)
                .hasSize(2);
        assertThat(events).filteredOn("InvoiceIssued"::equals).hasSize(1);
        assertThat(events).filteredOn("PaymentReceived"::equals).hasSize(1);
        assertThat(events).noneMatch(type -> type.endsWith("Changed"));
    }
}
