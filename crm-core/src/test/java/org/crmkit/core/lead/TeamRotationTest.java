package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class TeamRotationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    static final UserId ANN = user(1);
    static final UserId BOB = user(2);
    static final UserId CEM = user(3);

    static UserId user(long n) {
        return UserId.of(new UUID(0, n));
    }

    final TeamRotation rotation = TeamRotation.start(TenantId.of("acme"), TeamId.of(UUID.randomUUID()));

    @Test
    void aNewRotationStartsWithTheFirstMemberById() {
        assertThat(rotation.inTurn(List.of(CEM, ANN, BOB))).containsExactly(ANN, BOB, CEM);
        assertThat(rotation.lastAssigned()).isNull();
    }

    @Test
    void theTurnGoesOnAfterTheMemberWhoGotTheLastLeadAndWrapsAround() {
        rotation.gaveLeadTo(BOB, CLOCK);

        assertThat(rotation.inTurn(List.of(ANN, BOB, CEM))).containsExactly(CEM, ANN, BOB);
        assertThat(rotation.lastAssignedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void whenTheLastOneLeftTheTeamTheTurnGoesToWhoFollowedThem() {
        rotation.gaveLeadTo(BOB, CLOCK);

        assertThat(rotation.inTurn(List.of(CEM, ANN))).containsExactly(CEM, ANN);
        assertThat(TeamRotation.restore(rotation.state()).state()).isEqualTo(rotation.state());
    }
}
