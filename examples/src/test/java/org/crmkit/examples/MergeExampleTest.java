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

class MergeExampleTest {

    @Test
    void theTypedInContactIsMergedFoundThroughItsIdUnmergedAndNotUnmergedOnceTheSurvivorChanged() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
        List<String> events = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create(clock))
                .clock(clock)
                .eventListener(entry -> events.add(entry.event().eventType()))
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        MergeExample.run(crm, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "Merged 1 contact into the ERP's: moved 1 activity, 1 task, 1 opportunity",
                        "The typed-in id finds Kim Berg, the ERP's contact: true, redirected: true",
                        "  with the typed-in phone: true, the task now on the ERP's contact: true, the deal's contact"
                                + " too: true",
                        "Unmerged: the typed-in contact is back: true, with its call: 1, the deal's contact again the"
                                + " typed-in one: true",
                        "Merged again and renamed: unmerge refused, 1 reason: Contact <ERP's contact> was changed after"
                                + " the merge (it is at version 5, the merge left version 4)");
        assertThat(events).filteredOn("RecordsMerged"::equals).hasSize(2);
        assertThat(events).filteredOn("MergeUndone"::equals).hasSize(1);
    }
}
