package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.service.CaseConversation;
import org.crmkit.workflow.service.ConversationEntry;
import org.crmkit.workflow.service.ConversationStore;
import org.crmkit.workflow.service.Milestone;
import org.crmkit.workflow.service.ServiceChannel;
import org.crmkit.workflow.service.SlaClock;
import org.crmkit.workflow.service.SlaTarget;
import org.crmkit.workflow.service.SurveyAnswer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} adapter must do: a round trip of every field, one conversation per case and
 * per reference, optimistic versions, due checks and openings in the port's order, tenancy, and rollback with
 * crmkit's transaction. An adapter's test extends it and supplies crmkit's storage and the store on top of it.
 */
public abstract class ConversationStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected ConversationStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty conversation store that joins the transactions of {@code storage}. */
    protected abstract ConversationStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    private CaseConversation conversation(TenantId tenant, String reference, Instant openedAt, Instant dueAt) {
        SlaClock sla = new SlaClock(
                "standard",
                CountryCode.of("PL"),
                "Europe/Warsaw",
                Duration.ofHours(1),
                Duration.ofMinutes(90),
                openedAt,
                List.of(
                        new SlaTarget(
                                Milestone.FIRST_RESPONSE,
                                Duration.ofHours(4),
                                null,
                                null,
                                openedAt.plusSeconds(600),
                                true,
                                false,
                                false),
                        new SlaTarget(
                                Milestone.RESOLUTION,
                                Duration.ofHours(24),
                                dueAt.minusSeconds(3600),
                                dueAt,
                                null,
                                null,
                                false,
                                false)));
        return new CaseConversation(
                tenant,
                CaseId.next(ids),
                0,
                reference,
                ContactId.next(ids),
                openedAt,
                List.of(new ConversationEntry(
                        Direction.INBOUND,
                        ServiceChannel.EMAIL,
                        openedAt,
                        "anna@example.com",
                        "Broken lid",
                        "Zepsuta pokrywka – ąę")),
                sla,
                null,
                null);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        CaseConversation conversation = conversation(TENANT_A, "CASE-0000000001", NOW, NOW.plusSeconds(7200));

        CaseConversation added = inTransaction(() -> store.add(conversation));
        CaseConversation answered = inTransaction(() -> store.update(added.withVersion(1)));

        assertThat(added.version()).isEqualTo(1);
        assertThat(answered.version()).isEqualTo(2);
        assertThat(store.findByCase(TENANT_A, conversation.caseId())).hasValue(conversation.withVersion(2));
        assertThat(store.findByReference(TENANT_A, "CASE-0000000001")).hasValue(conversation.withVersion(2));
    }

    @Test
    void surveyAnswerAndPausedClockAreKept() {
        CaseConversation base = conversation(TENANT_A, "CASE-0000000002", NOW, NOW.plusSeconds(7200));
        CaseConversation answered = new CaseConversation(
                base.tenant(),
                base.caseId(),
                0,
                base.reference(),
                base.contact(),
                base.openedAt(),
                base.entries(),
                new SlaClock(
                        "standard",
                        CountryCode.of("CN"),
                        "Asia/Shanghai",
                        Duration.ZERO,
                        Duration.ofHours(3),
                        null,
                        base.sla().targets()),
                NOW.plusSeconds(60),
                new SurveyAnswer(5, null, "很好", NOW.plusSeconds(120)));

        inTransaction(() -> store.add(answered));

        assertThat(store.findByCase(TENANT_A, base.caseId())).hasValue(answered.withVersion(1));
    }

    @Test
    void aSecondConversationOfTheCaseOrWithTheReferenceIsRefused() {
        CaseConversation conversation = conversation(TENANT_A, "CASE-0000000003", NOW, NOW.plusSeconds(7200));
        inTransaction(() -> store.add(conversation));
        CaseConversation sameReference = conversation(TENANT_A, "CASE-0000000003", NOW, NOW.plusSeconds(7200));

        assertThatThrownBy(() -> inTransaction(() -> store.add(conversation)))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> inTransaction(() -> store.add(sameReference)))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(inTransaction(() -> store.add(conversation(TENANT_B, "CASE-0000000003", NOW, NOW)))
                        .version())
                .isEqualTo(1);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        CaseConversation added =
                inTransaction(() -> store.add(conversation(TENANT_A, "CASE-0000000004", NOW, NOW.plusSeconds(7200))));
        inTransaction(() -> store.update(added));

        assertThatThrownBy(() -> inTransaction(() -> store.update(added))).isInstanceOf(StaleVersionException.class);
        assertThat(store.findByCase(TENANT_A, added.caseId()).orElseThrow().version())
                .isEqualTo(2);
    }

    @Test
    void dueConversationsComeByNextCheckThenCaseWithinTheLimitAndTheTenant() {
        CaseConversation later = conversation(TENANT_A, "CASE-0000000005", NOW, NOW.plusSeconds(7200));
        CaseConversation sooner = conversation(TENANT_A, "CASE-0000000006", NOW, NOW.plusSeconds(3600));
        CaseConversation notYet = conversation(TENANT_A, "CASE-0000000007", NOW, NOW.plusSeconds(90_000));
        CaseConversation otherTenant = conversation(TENANT_B, "CASE-0000000008", NOW, NOW.plusSeconds(60));
        inTransaction(() -> List.of(later, sooner, notYet, otherTenant).stream()
                .map(store::add)
                .toList());

        List<CaseConversation> due = store.findDue(TENANT_A, NOW.plusSeconds(7200), 10);

        assertThat(due).extracting(CaseConversation::reference).containsExactly("CASE-0000000006", "CASE-0000000005");
        assertThat(store.findDue(TENANT_A, NOW.plusSeconds(7200), 1)).hasSize(1);
        assertThat(store.findDue(TENANT_B, NOW, 10))
                .extracting(CaseConversation::reference)
                .containsExactly("CASE-0000000008");
        assertThat(store.findDue(TENANT_B, NOW.minusSeconds(7200), 10)).isEmpty();
    }

    @Test
    void openingsInAPeriodComeByOpeningTime() {
        CaseConversation monday = conversation(TENANT_A, "CASE-0000000009", NOW, NOW);
        CaseConversation tuesday = conversation(TENANT_A, "CASE-000000000A", NOW.plusSeconds(86_400), NOW);
        CaseConversation nextWeek = conversation(TENANT_A, "CASE-000000000B", NOW.plusSeconds(7 * 86_400), NOW);
        inTransaction(() ->
                List.of(tuesday, nextWeek, monday).stream().map(store::add).toList());

        assertThat(store.findOpenedBetween(TENANT_A, NOW, NOW.plusSeconds(7 * 86_400)))
                .extracting(CaseConversation::reference)
                .containsExactly("CASE-0000000009", "CASE-000000000A");
        assertThat(store.findOpenedBetween(TENANT_B, NOW, NOW.plusSeconds(7 * 86_400)))
                .isEmpty();
    }

    @Test
    void writesNeedATransactionAndRollBackWithIt() {
        CaseConversation conversation = conversation(TENANT_A, "CASE-000000000C", NOW, NOW);

        assertThatThrownBy(() -> store.add(conversation)).isInstanceOf(TransactionRequiredException.class);
        assertThatThrownBy(() -> inTransaction(() -> {
                    store.add(conversation);
                    throw new IllegalStateException("the case could not be opened");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.findByCase(TENANT_A, conversation.caseId())).isEmpty();
        assertThat(store.findByReference(TENANT_A, "CASE-000000000C")).isEmpty();
    }
}
