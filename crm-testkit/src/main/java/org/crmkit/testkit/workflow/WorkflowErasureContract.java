package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.core.privacy.LegalHoldException;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ErasedPayload;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the workflow stores of an adapter must do for a person's rights: the messages workflows sent or are to send
 * to a person are listed in a subject access export; an erasure cancels those not delivered, leaves none of the
 * person's data in any action (the adapter's test says where a text occurs in all it stores, {@link #placesHolding})
 * and is refused while an open dunning case of the person's account is with a lawyer.
 */
public abstract class WorkflowErasureContract {

    protected static final TenantId TENANT = TenantId.of("tenant-a");
    private static final String EMAIL = "yolanda.vexcombe@example.org";
    private static final String NAME = "Yolanda Vexcombe";
    private static final DunningPolicy POLICY = DunningPolicy.builder("standard")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .build();

    protected SettableClock clock;
    protected Storage storage;
    private IdGenerator ids;
    private DunningCaseStore cases;
    private Crm crm;
    private WorkflowRuntime runtime;
    private RecordingChannel channel;
    private Contact person;
    private Account account;

    /** A new crmkit storage with no records of tenant {@code tenant-a}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty workflow store that joins the transactions of {@code storage}. */
    protected abstract WorkflowStore createStore(Storage storage);

    /** A new, empty dunning case store that joins the transactions of {@code storage}. */
    protected abstract DunningCaseStore createCases(Storage storage);

    /** Where {@code text} occurs in everything the storage and the workflow stores keep; empty when nowhere. */
    protected abstract List<String> placesHolding(String text);

    /** Releases what {@link #createStorage} opened; nothing by default. */
    protected void closeStorage() {}

    @BeforeEach
    void aPersonWithMessagesSentAndToBeSent() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        cases = createCases(storage);
        crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
        channel = RecordingChannel.at(clock);
        runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(createStore(storage))
                .tenantResolver(() -> TENANT)
                .channel(Channel.EMAIL, channel)
                .build();
        Dunning.builder(runtime).cases(cases).policy(POLICY).build();
        UserId owner = UserId.next(ids);
        account = crm.parties().registerAccount(NewAccount.of("Vexcombe Tools", owner));
        person = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Yolanda", "Vexcombe"), owner)
                        .withEmail(EmailAddress.of(EMAIL), ContactPointType.WORK));
        crm.parties().linkContactToAccount(person.id(), account.id(), "Owner", true, LocalDate.now(clock), null);
        schedule("greeting:1", clock.instant());
        runtime.runDue(clock.instant());
        schedule("greeting:2", clock.instant().plus(Duration.ofDays(30)));
    }

    @AfterEach
    void close() {
        closeStorage();
    }

    private void schedule(String key, Instant notBefore) {
        Message message = new Message(
                Channel.EMAIL,
                EMAIL,
                NAME,
                "Happy birthday, " + NAME,
                "Dear " + NAME + ", all the best!",
                Locale.ENGLISH,
                RecordRef.contact(person.id()));
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .schedule(
                                "host-greetings",
                                new PlannedAction(key, "contact:" + person.id(), message, notBefore)));
    }

    private RecordRef subject() {
        return RecordRef.contact(person.id());
    }

    @Test
    void theMessagesSentAndToBeSentAreListedInTheExport() {
        assertThat(channel.sent()).hasSize(1);

        String json = crm.privacy().export(subject()).json();

        assertThat(json).contains("\"workflowActions\":{\"actions\":[{\"workflow\":\"host-greetings\"");
        assertThat(json).contains("\"status\":\"DELIVERED\"", "\"status\":\"PENDING\"", "Dear " + NAME);
    }

    @Test
    void anErasureCancelsWhatIsNotSentAndLeavesNoneOfThePersonsDataInAnyAction() {
        assertThat(placesHolding(EMAIL)).isNotEmpty();

        ErasureReport report = crm.privacy().erase(subject(), "asked to be forgotten");

        assertThat(report.changed()).containsEntry("workflowActions", 2);
        assertThat(placesHolding(EMAIL)).isEmpty();
        assertThat(placesHolding(NAME)).isEmpty();
        Action pending = runtime.actionByKey("greeting:2").orElseThrow();
        assertThat(pending.status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(pending.payload()).isEqualTo(new ErasedPayload());
        assertThat(runtime.actionByKey("greeting:1").orElseThrow().status()).isEqualTo(ActionStatus.DELIVERED);

        clock.advance(Duration.ofDays(40));
        runtime.runDue(clock.instant());
        assertThat(channel.sent()).hasSize(1);
        assertThat(crm.privacy().erase(subject(), "asked again").total()).isZero();
    }

    @Test
    void anOpenDunningCaseWithALawyerIsALegalHold() {
        DunningCase opened = DunningCase.open(
                TENANT,
                DunningCaseId.next(ids),
                POLICY,
                new DunningGroup.AccountInCurrency(account.id(), Currency.getInstance("EUR")),
                LocalDate.now(clock),
                clock);
        DunningCaseState state = opened.state();
        DunningCase withLawyer = DunningCase.restore(new DunningCaseState(
                state.tenant(),
                state.id(),
                state.version(),
                state.account(),
                state.policy(),
                state.groupKey(),
                state.currency(),
                state.status(),
                state.openedOn(),
                state.closedOn(),
                state.items(),
                state.promisedUntil(),
                state.fees(),
                state.steps(),
                state.lastLevel(),
                state.creditHoldPlaced(),
                true,
                state.history(),
                state.createdAt(),
                state.nextStepOn()));
        storage.transactions().inTransaction(() -> cases.save(withLawyer));

        assertThatThrownBy(() -> crm.privacy().erase(subject(), "asked to be forgotten"))
                .isInstanceOfSatisfying(
                        LegalHoldException.class,
                        e -> assertThat(e.holds())
                                .containsExactly("dunning case " + state.id() + " of account " + account.id()
                                        + " is open and handed over to a lawyer"));
        assertThat(placesHolding(EMAIL)).isNotEmpty();

        ErasureReport forced = crm.privacy().eraseDespiteLegalHold(subject(), "claim settled, lawyer confirmed");

        assertThat(forced.overriddenHolds()).hasSize(1);
        assertThat(placesHolding(EMAIL)).isEmpty();
    }
}
