package org.crmkit.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.dunning.Dossier;

/** What happened during the simulation, in order, for the summary and the report's timeline. */
final class DemoLog {

    record Entry(LocalDate date, String kind, String who, String what) {}

    private final SettableClock clock;
    private final PrintStream out;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Dossier> dossiers = new ArrayList<>();

    DemoLog(SettableClock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Records a delivered message; the deduplication key tells which workflow planned it. */
    synchronized void sent(String key, String channel, String recipient, String subject) {
        String kind = key.startsWith("greeting:")
                ? "greeting"
                : key.startsWith("dunning:") ? "dunning " + channel : "task reminder";
        entries.add(new Entry(today(), kind, recipient, subject));
    }

    synchronized void event(String kind, String who, String what) {
        entries.add(new Entry(today(), kind, who, what));
    }

    synchronized void lawyer(Dossier dossier) {
        dossiers.add(dossier);
        entries.add(new Entry(
                today(),
                "lawyer",
                dossier.accountName(),
                "dossier, claim " + dossier.claim().total()));
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized List<Dossier> dossiers() {
        return List.copyOf(dossiers);
    }

    synchronized Map<String, Integer> sentByKind() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Entry entry : entries) {
            counts.merge(entry.kind(), 1, Integer::sum);
        }
        return counts;
    }

    synchronized int greetings() {
        return sentByKind().getOrDefault("greeting", 0);
    }
}
