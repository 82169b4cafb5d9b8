package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketsAndServiceExampleTest {

    @Test
    void scoresBirthdayOffersGreetingsInFourLanguagesAnEscalatedCaseAndACampaignWithItsReturnArePrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        MarketsAndServiceExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // the case's reference comes from the random part of its id
        List<String> lines = bytes.toString(StandardCharsets.UTF_8)
                .replaceAll("CASE-[0-9A-F]{10}", "CASE-REF")
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines)
                .containsExactly(
                        "Scores of 4 customers as of 2026-05-31 (tier, profit, RFM segment):",
                        "  Agnieszka Nowak: KEY, 1250.00 EUR, loyal",
                        "  Ivan Petrov: SMALL, 130.00 EUR, lost",
                        "  Aino Virtanen: UNPROFITABLE, -8.00 EUR, lost",
                        "  Wei Wang: KEY, 1520.00 EUR, need attention",
                        "Birthday greetings with the offer chosen by tier, and holiday greetings (due at 09:00 local"
                                + " time, sent by the day's run at 12:00 UTC), in the customer's language:",
                        "2026-06-12 12:00  EMAIL to ivan@example.ru  С Днём России!",
                        "2026-06-20 12:00  EMAIL to agnieszka@example.pl  Wszystkiego najlepszego, Agnieszka!  [offer"
                                + " BDAY-GIFT by rule 'key customers' birthday']",
                        "2026-07-15 12:00  EMAIL to ivan@example.ru  С днём рождения, Ivan!  [offer BDAY-10 by rule"
                                + " 'small customers' birthday']",
                        "2026-08-08 12:00  EMAIL to aino@example.fi  Hyvää syntymäpäivää, Aino!",
                        "2026-09-25 12:00  EMAIL to wei@example.cn  中秋快乐！",
                        "2026-10-10 12:00  EMAIL to wei@example.cn  Wei，生日快乐！  [offer BDAY-GIFT by rule 'key"
                                + " customers' birthday']",
                        "2026-11-11 12:00  EMAIL to agnieszka@example.pl  Narodowe Święto Niepodległości",
                        "2026-12-06 12:00  EMAIL to aino@example.fi  Hyvää itsenäisyyspäivää!",
                        "2026-12-02 14:30  e-mail from anna@example.pl opens CASE-REF, assigned to Ada Agent; first"
                                + " response due 2026-12-03 08:30",
                        "Task for Ada Agent: SLA warning: first response due - Pokrywka czajnika pękła [CASE-REF]",
                        "Task for Lena Lead: SLA breached: first response overdue - Pokrywka czajnika pękła [CASE-REF]",
                        "Case now assigned to: Lena Lead",
                        "2026-12-03 10:00  EMAIL to anna@example.pl  Re: Pokrywka czajnika pękła [CASE-REF]",
                        "2026-12-03 10:00  EMAIL to anna@example.pl  Jak nam poszło? Zgłoszenie CASE-REF",
                        "December compliance of Service Poland: 1 case, first responses met 0 / missed 1, resolutions"
                                + " met 1 / missed 0, CSAT 4.0, NPS 100",
                        "Winter sale to the newsletter segment:",
                        "2026-12-07 08:00  EMAIL to piotr@example.pl  Prosimy o potwierdzenie subskrypcji",
                        "  Piotr Zieliński opened the confirmation link: may receive the newsletter: true",
                        "  the mail server reported olga@old-mail.example as bouncing",
                        "2026-12-07 08:00  EMAIL to agnieszka@example.pl  Zimowa wyprzedaż, Agnieszka Nowak",
                        "2026-12-07 08:00  EMAIL to wei@example.cn  Winter sale, Wei Wang",
                        "2026-12-07 08:00  EMAIL to piotr@example.pl  Zimowa wyprzedaż, Piotr Zieliński",
                        "  Wei Wang unsubscribed: may receive the newsletter: false",
                        "  Agnieszka Nowak clicked, and three days later bought two kettles",
                        // two kettles at 80.00 that cost 50.00 each: revenue 160, margin 60; (60 - 40) / 40 = 0.5
                        "  Winter sale: 1.0000 conversion, revenue 160.00, margin 60.00, cost 40.00 EUR, ROI 0.5000");
    }
}
