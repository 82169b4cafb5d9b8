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

class QuickstartTest {

    @Test
    void runsTheWholeStoryAndPrintsTheTimelineNewestFirst() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
        List<String> events = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create(clock))
                .clock(clock)
                .eventListener(entry -> events.add(entry.event().eventType()))
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Quickstart.run(crm, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "Registered ACME Maschinenbau GmbH with Kim Berg and Lou Meyer",
                        "  may e-mail Kim marketing: true, Lou marketing: false",
                        "Task for Ada Sales: Call Kim about the quote (due 2026-06-18T10:00:00Z)",
                        "Opportunity Two presses for ACME: EUR 94700.00 in stage Propose",
                        "Invoice 2026-0042: total EUR 2737.00, 10 days overdue",
                        "After a partial payment of EUR 1000.00: PARTIALLY_PAID, balance due EUR 1737.00",
                        "Timeline of ACME Maschinenbau GmbH, newest first:",
                        "  2026-06-13  CALL  Questions on delivery time",
                        "  2026-06-09  EMAIL  Quote for two presses",
                        "  2026-06-06  MEETING  Plant visit");
        assertThat(events)
                .contains(
                        "AccountRegistered",
                        "ContactRegistered",
                        "ConsentGranted",
                        "ActivityLogged",
                        "TaskCreated",
                        "OpportunityOpened",
                        "OpportunityStageChanged",
                        "InvoiceIssued",
                        "PaymentReceived");
    }
}
