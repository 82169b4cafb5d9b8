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

class ChangeFeedExampleTest {

    @Test
    void theSearchIndexFollowsContactsAndAccountsAndTheExtractSeesTheDeletedActivityAsATombstone() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create(clock))
                .clock(clock)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ChangeFeedExample.run(crm, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "Search index: #1 Account ACME Maschinenbau GmbH",
                        "Search index: #2 Contact Kim Berg",
                        "Search index: #4 Account ACME Presses GmbH",
                        "Search index holds: ACME Presses GmbH, Kim Berg",
                        "BI extract: #5 Activity removed");
    }
}
