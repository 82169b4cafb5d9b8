package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersExampleTest {

    @Test
    void simulatedMonthPrintsRemindersSequenceStepsAndGreetingsAsTheyGoOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RemindersExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.startsWith("2028-"))
                .containsExactly(
                        "2028-02-21 08:00  EMAIL to ada@team.example       Reminder: Stand-up notes",
                        "2028-02-21 08:00  EMAIL to carla@customer.example Willkommen, Carla",
                        "2028-02-22 14:00  EMAIL to dan@customer.example   Welcome aboard, Dan",
                        "2028-02-22 16:00  Dan replies to the welcome email: his sequence ends",
                        "2028-02-23 08:00  EMAIL to ada@team.example       Reminder: Stand-up notes",
                        "2028-02-23 08:00  EMAIL to ben@team.example       Reminder: Send proposal to Acme",
                        "2028-02-23 17:00  EMAIL to ben@team.example       Overdue: Send proposal to Acme",
                        "2028-02-25 15:00  EMAIL to lena@team.example      Escalation: Send proposal to Acme (Ben Builder)",
                        "2028-02-28 08:00  EMAIL to ada@team.example       Reminder: Stand-up notes",
                        "2028-02-28 09:00  Ada Agent makes the Onboarding call: Carla Schmidt",
                        "2028-02-28 09:00  SMS   to +4915112345678         Three tips",
                        "2028-02-28 10:00  Ben finally sends the proposal",
                        "2028-02-28 20:00  EMAIL to lea@customer.example   Happy birthday, Lea!",
                        "2028-03-01 07:00  EMAIL to ada@team.example       Acme maintenance contract renewal: 2028-03-31",
                        "2028-03-01 08:00  EMAIL to ada@team.example       Reminder: Stand-up notes",
                        "2028-03-01 08:00  EMAIL to carla@customer.example 7 Jahre gemeinsam",
                        "2028-03-12 13:00  EMAIL to dan@customer.example   Happy birthday, Dan!",
                        "2028-03-14 08:00  EMAIL to carla@customer.example Alles Gute zum Geburtstag, Carla!");
        assertThat(lines).contains("  none", "Stand-up notes done: 4");
    }
}
