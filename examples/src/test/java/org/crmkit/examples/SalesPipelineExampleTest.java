package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SalesPipelineExampleTest {

    @Test
    void capturesScoresAssignsConvertsWalksTheDealThroughItsGatesAndPrintsTheForecast() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SalesPipelineExample.run(
                Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "Pipelines: New business [Qualify, Prove[2 gates], Commit[5 gates], Won[1 gate], Lost]; Renewals [Due, Renewed, Churned]",
                        "Captured Jana Novak: score 65 (MARKETING_QUALIFIED)",
                        "    +30  Decision maker: title 'CTO' contains 'cto'",
                        "    +20  Target industry: industry is Logistics",
                        "    +15  Mid-market: 450 employees, within 100..5000",
                        "Captured Tim Berger: score 0 (UNQUALIFIED)",
                        "    -40  Not a buyer: title 'Student intern' contains 'intern'",
                        "Not captured, possible duplicate of: [LEAD by EMAIL jana.novak@nordfracht.example]",
                        "Assigned Jana Novak to Ada by rule 'DACH key accounts' (matches country DE, 200.. employees)",
                        "Assigned Tim Berger to Ben by rule 'Inside sales' (round-robin in team Inside sales: fewest open leads (0 of 20))",
                        "After a meeting: Jana Novak: score 90 (SALES_QUALIFIED)",
                        "    +30  Decision maker: title 'CTO' contains 'cto'",
                        "    +20  Target industry: industry is Logistics",
                        "    +15  Mid-market: 450 employees, within 100..5000",
                        "    +25  Meetings: 1 × meeting × 25",
                        "Converted Jana Novak into account Nordfracht GmbH and opportunity 'Nordfracht fleet telematics' in Qualify",
                        "Move to Commit refused:",
                        "  gate.required-field  expectedCloseDate required: expectedCloseDate must be set to enter Prove",
                        "  gate.activity  Meeting since stage entry: no MEETING logged since the deal entered its current stage",
                        "  gate.line-item  line item required: at least one line item is needed to enter Commit",
                        "  gate.minimum-amount  amount at least EUR 10000.00: the amount is not known (needed to enter Commit)",
                        "  gate.contact-role  Decision maker known: a contact with role DECISION_MAKER is needed to enter Commit",
                        "  gate.approval  Manager approval: entering Commit needs the approval of a MANAGER",
                        "  gate.stage-skip  skip at most 0 stages: the move to Commit skips 1 stage, at most 0 allowed",
                        "Move to Prove: moved",
                        "Still missing for Commit: [gate.line-item, gate.minimum-amount, gate.contact-role, gate.approval]",
                        "Move to Commit: moved",
                        "Won for 'Product fit': moved",
                        "Forecast for Ada, 2026-04..2026-06:",
                        "  PIPELINE: 1 deals, EUR 40000.00, weighted EUR 10000.00",
                        "  BEST_CASE: 0 deals, EUR 0.00, weighted EUR 0.00",
                        "  COMMIT: 1 deals, EUR 6000.00, weighted EUR 4200.00",
                        "  CLOSED: 1 deals, EUR 15660.00, weighted EUR 15660.00",
                        "  weighted EUR 29860.00, won EUR 15660.00 of quota EUR 60000.00 (26.10 %)");
    }
}
