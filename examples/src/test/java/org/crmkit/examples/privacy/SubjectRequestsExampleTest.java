package org.crmkit.examples.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectRequestsExampleTest {

    @Test
    void anExportListsEverythingAndAfterTheErasureNoSearchFindsThePerson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SubjectRequestsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("sent: EMAIL to nora.lindqvist@example.org: Spring news");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("export: format version 1, ")
                        && line.endsWith("holds her e-mail: true, the call: true, the newsletter: true"));
        assertThat(lines)
                .anyMatch(line ->
                        line.matches("audit: [1-9][0-9]* entries; name changed by system at 2026-03-02T09:00:00Z"));
        assertThat(lines).anyMatch(line -> line.matches("erased: [1-9][0-9]* records changed"));
        assertThat(lines)
                .contains(
                        "found by e-mail: 0, by phone: 0, by name: 0",
                        "export after erasure holds her name: false",
                        "retention: 1 due",
                        "stale lead now: Erased");
    }
}
