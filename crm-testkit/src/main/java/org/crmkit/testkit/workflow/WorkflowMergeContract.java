package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.sequence.Enrolment;
import org.crmkit.workflow.sequence.EnrolmentStore;
import org.crmkit.workflow.sequence.FollowUpSequences;
import org.crmkit.workflow.sequence.Sequence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the workflow stores of an adapter must do in merges (crm-workflow's side, through the merge participant
 * port): a merged account's dunning cases and a merged contact's running sequence enrolments move to the survivor
 * and back on unmerge; a merge that would leave the survivor with two open cases of one group, or two runs of one
 * sequence, is refused and changes nothing.
 */
public abstract class WorkflowMergeContract {

    protected static final TenantId TENANT = TenantId.of("tenant-a");
    private static final DunningPolicy POLICY = DunningPolicy.builder("standard")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .build();

    protected SettableClock clock;
    protected Storage storage;
    private IdGenerator ids;
    private DunningCaseStore cases;
    private FollowUpSequences sequences;
    private Crm crm;
    private UserId owner;

    /** A new crmkit storage with no records of tenant {@code tenant-a}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty workflow store that joins the transactions of {@code storage}. */
    protected abstract WorkflowStore createStore(Storage storage);

    /** A new, empty dunning case store that joins the transactions of {@code storage}. */
    protected abstract DunningCaseStore createCases(Storage storage);

    /** A new, empty enrolment store that joins the transactions of {@code storage}. */
    protected abstract EnrolmentStore createEnrolments(Storage storage);

    @BeforeEach
    void dunningAndSequencesOnACrm() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        cases = createCases(storage);
        crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(createStore(storage))
                .tenantResolver(() -> TENANT)
                .channel(Channel.EMAIL, RecordingChannel.at(clock))
                .build();
        Dunning.builder(runtime).cases(cases).policy(POLICY).build();
        sequences = FollowUpSequences.builder(runtime)
                .enrolments(createEnrolments(storage))
                .sequence(Sequence.named("onboarding").email("welcome").build())
                .templates(PlainTemplates.builder()
                        .template("welcome", Locale.ENGLISH, "Welcome", "Glad to have you, {{firstName}}.")
                        .build())
                .build();
        owner = UserId.next(ids);
    }

    private DunningCase openCase(Account account) {
        return storage.transactions()
                .inTransaction(() -> cases.save(DunningCase.open(
                        TENANT,
                        DunningCaseId.next(ids),
                        POLICY,
                        new DunningGroup.AccountInCurrency(account.id(), Currency.getInstance("EUR")),
                        LocalDate.now(clock),
                        clock)));
    }

    private Contact contact(String email) {
        return crm.parties()
                .registerContact(NewContact.of(PersonName.of("Olga", "Nowak"), owner)
                        .withEmail(EmailAddress.of(email), ContactPointType.WORK));
    }

    private AccountId accountOf(DunningCase dunningCase) {
        return storage.transactions()
                .inTransaction(() ->
                        cases.findById(TENANT, dunningCase.id()).orElseThrow().account());
    }

    @Test
    void aMergedAccountsDunningCaseMovesToTheSurvivorAndBack() {
        Account survivor = crm.parties().registerAccount(NewAccount.of("Nowak Sp. z o.o.", owner));
        Account duplicate = crm.parties().registerAccount(NewAccount.of("Nowak", owner));
        DunningCase dunning = openCase(duplicate);

        MergeRecord merge =
                crm.merges().mergeAccounts(survivor.id(), List.of(duplicate.id()), Survivorship.survivorWins());

        assertThat(accountOf(dunning)).isEqualTo(survivor.id());
        assertThat(merge.participants()).anyMatch(moves -> moves.participant().equals("dunning"));
        crm.merges().unmerge(merge.id());
        assertThat(accountOf(dunning)).isEqualTo(duplicate.id());
    }

    @Test
    void twoOpenCasesOfOneGroupRefuseTheMergeAndNothingMoves() {
        Account survivor = crm.parties().registerAccount(NewAccount.of("Nowak Sp. z o.o.", owner));
        Account duplicate = crm.parties().registerAccount(NewAccount.of("Nowak", owner));
        openCase(survivor);
        DunningCase dunning = openCase(duplicate);

        assertThatThrownBy(() ->
                        crm.merges().mergeAccounts(survivor.id(), List.of(duplicate.id()), Survivorship.survivorWins()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("both open");

        assertThat(accountOf(dunning)).isEqualTo(duplicate.id());
        assertThat(crm.parties().findAccount(duplicate.id())).isPresent();
    }

    @Test
    void aMergedContactsRunningEnrolmentMovesToTheSurvivorAndBack() {
        Contact survivor = contact("olga@nowak.example");
        Contact duplicate = contact("olga.nowak@home.example");
        Enrolment enrolment = sequences.enrol(duplicate.id(), "onboarding");

        MergeRecord merge =
                crm.merges().mergeContacts(survivor.id(), List.of(duplicate.id()), Survivorship.survivorWins());

        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().contact())
                .isEqualTo(survivor.id());
        crm.merges().unmerge(merge.id());
        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().contact())
                .isEqualTo(duplicate.id());
    }

    @Test
    void bothRunningTheSameSequenceRefusesTheMerge() {
        Contact survivor = contact("olga@nowak.example");
        Contact duplicate = contact("olga.nowak@home.example");
        sequences.enrol(survivor.id(), "onboarding");
        Enrolment enrolment = sequences.enrol(duplicate.id(), "onboarding");

        assertThatThrownBy(() ->
                        crm.merges().mergeContacts(survivor.id(), List.of(duplicate.id()), Survivorship.survivorWins()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("both run sequence 'onboarding'");

        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().contact())
                .isEqualTo(duplicate.id());
    }
}
