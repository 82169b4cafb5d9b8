package org.crmkit.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;

/**
 * The tenant the {@link CrmkitDemo} story runs on: its Crm, workflow runtime, the users the story names (Ada and Ben
 * in sales, Carl in collections) and its pipeline.
 */
record DemoTenant(Crm crm, WorkflowRuntime runtime, User ada, User ben, User carl, Pipeline pipeline) {

    /**
     * Step 1 of the story: users, a sales team, two territories, lead assignment rules and a gated pipeline; the
     * assignment rules name the users and the team, so the Crm the story runs on is built once they exist.
     */
    static DemoTenant setUp(JpaStorage storage, SettableClock clock, DemoLog log, PrintStream out) {
        CrmkitDemo.step(
                out,
                1,
                "Setting up the tenant: users, a sales team, two territories, lead assignment rules, a pipeline");
        Crm setup = Crm.builder().storage(storage).clock(clock).build();
        User lena = setup.access()
                .registerUser("Lena Lead", EmailAddress.of("lena@crmkit-demo.example"), Set.of(Role.MANAGER));
        User ada = setup.access()
                .registerUser("Ada Sales", EmailAddress.of("ada@crmkit-demo.example"), Set.of(Role.SALES));
        User ben = setup.access()
                .registerUser("Ben Sales", EmailAddress.of("ben@crmkit-demo.example"), Set.of(Role.SALES));
        User carl = setup.access()
                .registerUser("Carl Collections", EmailAddress.of("carl@crmkit-demo.example"), Set.of(Role.SERVICE));
        Team sales = setup.access().createTeam("Sales DACH", lena.id());
        setup.access().addTeamMember(sales.id(), ada.id());
        setup.access().addTeamMember(sales.id(), ben.id());
        var germany = setup.access().defineTerritory("Germany", 1, List.of(TerritoryRule.country("DE")));
        setup.access().addTerritoryMember(germany.id(), ada.id());
        var alpine = setup.access()
                .defineTerritory(
                        "Austria and Switzerland",
                        2,
                        List.of(TerritoryRule.country("AT"), TerritoryRule.country("CH")));
        setup.access().addTerritoryMember(alpine.id(), ben.id());
        LeadAssignmentRules assignment = DemoFixtures.assignmentRules(ada, ben, sales);
        Pipeline defined = DemoFixtures.definePipeline(setup);
        Pipeline pipeline = setup.pipelines()
                .changeCloseReasons(
                        defined.id(), List.of("product fit", "price"), List.of("price", "competitor", "no decision"));
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .leadScoring(DemoFixtures.scoring())
                .leadAssignment(assignment)
                .build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(
                        Channel.EMAIL,
                        (key, message) -> log.sent(key, "e-mail", message.recipient(), message.subject()))
                .channel(
                        Channel.LETTER,
                        (key, message) -> log.sent(key, "letter", message.recipient(), message.subject()))
                .build();
        out.printf(
                "      4 users, team %s led by %s, territories %s and %s%n",
                sales.name(), lena.name(), germany.name(), alpine.name());
        for (AssignmentRule rule : assignment.rules()) {
            out.printf(
                    "      assignment rule '%s': %s%n",
                    rule.name(), rule.criteria().describe());
        }
        out.printf(
                "      pipeline %s: %s%n",
                pipeline.name(),
                pipeline.stages().stream()
                        .map(s -> s.name()
                                + (s.gates().isEmpty() ? "" : " (" + s.gates().size() + " gates)"))
                        .toList());
        return new DemoTenant(crm, runtime, ada, ben, carl, pipeline);
    }
}
