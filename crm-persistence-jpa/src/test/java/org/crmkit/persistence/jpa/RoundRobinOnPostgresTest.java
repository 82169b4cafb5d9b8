package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.Leads;
import org.crmkit.core.NewLead;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadCriteria;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Round-robin assignments in one team started at the same moment on PostgreSQL: they conflict on the team's
 * rotation instead of deciding on the same counts of open leads, so that (with the retry a caller makes after a
 * {@code StaleVersionException}) every member ends at exactly the capacity and nobody above it.
 */
class RoundRobinOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final int MEMBERS = 3;
    private static final int CAPACITY = 2;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final ExecutorService assigners = Executors.newFixedThreadPool(MEMBERS * CAPACITY);

    @AfterEach
    void stopAssigners() {
        assigners.shutdownNow();
    }

    @Test
    void simultaneousAssignmentsInOneTeamNeverPutAMemberOverCapacity() throws Exception {
        JpaStorage storage = database.storage(clock);
        Crm setup = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TenantId.of("tenant-a"))
                .build();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(setup.access()
                    .registerUser("Rep " + i, EmailAddress.of("rep" + i + "@example.com"), Set.of(Role.SALES))
                    .id());
        }
        Team team = setup.access().createTeam("Inside sales", members.get(0));
        for (UserId member : members) {
            team = setup.access().addTeamMember(team.id(), member);
        }
        Leads leads = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TenantId.of("tenant-a"))
                .leadAssignment(LeadAssignmentRules.of(
                        new AssignmentRule.RoundRobin("In turn", LeadCriteria.ANY, team.id(), CAPACITY, Map.of())))
                .build()
                .leads();
        List<LeadId> captured = new ArrayList<>();
        for (int i = 0; i <= MEMBERS * CAPACITY; i++) {
            captured.add(leads.captureAnyway(new NewLead(
                            new LeadDetails(
                                    null,
                                    "Lead " + i,
                                    null,
                                    null,
                                    EmailAddress.of("lead" + i + "@x.example"),
                                    null,
                                    null,
                                    null,
                                    null),
                            LeadSource.of("web"),
                            null,
                            null))
                    .id());
        }
        CyclicBarrier start = new CyclicBarrier(MEMBERS * CAPACITY);
        List<Future<AssignmentResult>> results = new ArrayList<>();
        for (LeadId lead : captured.subList(0, MEMBERS * CAPACITY)) {
            Callable<AssignmentResult> assign = () -> {
                start.await(30, TimeUnit.SECONDS);
                while (true) {
                    try {
                        return leads.assignByRules(lead);
                    } catch (StaleVersionException conflict) {
                        Thread.onSpinWait();
                    }
                }
            };
            results.add(assigners.submit(assign));
        }

        for (Future<AssignmentResult> result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).isInstanceOf(AssignmentResult.Assigned.class);
        }
        for (UserId member : members) {
            assertThat(leads.leadsOf(member, LeadStatus.NEW, PageRequest.first(10))
                            .totalElements())
                    .isEqualTo(CAPACITY);
        }
        assertThat(leads.assignByRules(captured.get(MEMBERS * CAPACITY)))
                .isInstanceOf(AssignmentResult.Unassigned.class);
    }
}
