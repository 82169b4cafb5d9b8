package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DunningExampleTest {

    @Test
    void simulates120DaysOfFiveCustomersAndPrintsWhatWasSentTheCallQueueAndTheDossier() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DunningExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.startsWith("day ")
                        && (line.contains(" EMAIL ") || line.contains(" LETTER ") || line.contains(" LAWYER ")))
                .containsExactly(
                        "day  17 2026-01-22  EMAIL   to ap@berger-bau.example        Payment reminder - Berger Bau",
                        "day  17 2026-01-22  EMAIL   to ap@claussen-druck.example    Payment reminder - Claussen Druck",
                        "day  17 2026-01-22  EMAIL   to ap@dietz-medien.example      Payment reminder - Dietz Medien",
                        "day  17 2026-01-22  EMAIL   to ap@engel-handel.example      Payment reminder - Engel Handel",
                        "day  31 2026-02-05  EMAIL   to ap@dietz-medien.example      Reminder no. 2 - Dietz Medien",
                        "day  31 2026-02-05  EMAIL   to ap@engel-handel.example      Reminder no. 2 - Engel Handel",
                        "day  39 2026-02-13  EMAIL   to ap@claussen-druck.example    Reminder no. 2 - Claussen Druck",
                        "day  70 2026-03-16  LETTER  to Hauptstr. 1, 10115 Berlin, DE Reminder no. 4 - Engel Handel",
                        "day  70 2026-03-16  LAWYER  case of Engel Handel handed over, claim EUR 2485.52",
                        "day  78 2026-03-24  LETTER  to Hauptstr. 1, 10115 Berlin, DE Reminder no. 4 - Claussen Druck",
                        "day  78 2026-03-24  LAWYER  case of Claussen Druck handed over, claim EUR 964.58");
        assertThat(lines)
                .contains(
                        "  Anders Logistik  never dunned",
                        "  Berger Bau       closed on 2026-01-25 at level 1, fees EUR 0.00",
                        "  Claussen Druck   open at level 4, fees EUR 5.00, on credit hold",
                        "  Dietz Medien     closed on 2026-02-24 at level 2, fees EUR 5.00",
                        "  2026-02-21  Dunning call: Engel Handel (level 3)  (OPEN)",
                        "  payment 2026-01-30: EUR 600.00",
                        "  claim on 2026-03-16: balance EUR 2400.00 + fees EUR 5.00 + interest EUR 40.52 + flat compensation EUR 40.00 "
                                + "= EUR 2485.52");
    }
}
