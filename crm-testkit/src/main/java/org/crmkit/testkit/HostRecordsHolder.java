package org.crmkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.spi.PersonalDataHolder;

/**
 * A host's own records outside crmkit's storage that name a person (here: texts of messages), with legal holds the
 * test sets and a switch that makes its erasure fail, as a database outage midway through an erasure would.
 */
final class HostRecordsHolder implements PersonalDataHolder {

    final List<String> holds = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    volatile boolean failing;

    HostRecordsHolder(String message) {
        messages.add(message);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<String> legalHolds(DataSubject subject) {
        return List.copyOf(holds);
    }

    @Override
    public Map<String, List<?>> export(DataSubject subject) {
        return Map.of(
                "messages", messages.stream().filter(subject::isMentionedIn).toList());
    }

    @Override
    public int erase(DataSubject subject) {
        if (failing) {
            throw new IllegalStateException("the holder's database is down");
        }
        return messages.removeIf(subject::isMentionedIn) ? 1 : 0;
    }
}
