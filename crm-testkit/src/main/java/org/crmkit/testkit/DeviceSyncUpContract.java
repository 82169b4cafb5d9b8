package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sync.ChangeResult;
import org.crmkit.core.sync.ConflictPolicies;
import org.crmkit.core.sync.DeviceChange;
import org.crmkit.core.sync.FieldConflict;
import org.crmkit.core.sync.FieldEdit;
import org.crmkit.core.sync.FieldPolicy;
import org.crmkit.core.sync.SyncOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device's offline changes sent up over a storage adapter: creations under the device's ids, updates from a base
 * version merged field by field, conflicts decided by policy and returned, idempotent repeats, refusals with their
 * violations, and duplicates of central records reported.
 */
public abstract class DeviceSyncUpContract extends StorageContract {

    private Crm crm;
    private User anna;
    private Account acme;
    private Contact kim;

    @BeforeEach
    void aSalespersonWithAnAccountAndAContact() {
        crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT_A)
                .duplicateRules(DuplicateRules.standard())
                .build();
        anna = crm.access().registerUser("Anna", EmailAddress.of("anna@example.com"), Set.of(Role.SALES));
        acme = crm.parties()
                .registerAccount(
                        NewAccount.of("Acme", anna.id()).withDetails(new AccountDetails(null, "Retail", null, null)));
        kim = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), anna.id())
                        .withEmail(EmailAddress.of("kim@acme.example"), ContactPointType.WORK));
    }

    private List<ChangeResult> syncUp(FieldPolicy policy, DeviceChange... changes) {
        return crm.sync().syncUp(anna.id(), List.of(changes), ConflictPolicies.always(policy));
    }

    private DeviceChange.Update renameAcme(String deviceName, Instant deviceTime) {
        return new DeviceChange.Update(
                "Account",
                acme.id().value(),
                acme.version(),
                Map.of("name", new FieldEdit("Acme", deviceName)),
                deviceTime);
    }

    private String acmeName() {
        return crm.parties().account(acme.id()).name();
    }

    @Test
    void aBatchOfOfflineChangesIsStoredOnceAndChangesNothingWhenSentAgain() {
        UUID grace = UUID.randomUUID();
        DeviceChange.Create created = new DeviceChange.Create(
                "Contact", grace, Map.of("firstName", "Grace", "lastName", "Hopper"), clock.instant());
        DeviceChange.Update renamed = renameAcme("Acme GmbH", clock.instant());

        List<ChangeResult> first = syncUp(FieldPolicy.SERVER_WINS, created, renamed);
        List<ChangeResult> second = syncUp(FieldPolicy.SERVER_WINS, created, renamed);

        assertThat(first).extracting(ChangeResult::outcome).containsExactly(SyncOutcome.APPLIED, SyncOutcome.APPLIED);
        assertThat(second)
                .extracting(ChangeResult::outcome)
                .containsExactly(SyncOutcome.UNCHANGED, SyncOutcome.UNCHANGED);
        assertThat(crm.parties().contact(ContactId.of(grace)).name().lastName()).isEqualTo("Hopper");
        assertThat(crm.parties().contact(ContactId.of(grace)).owner()).isEqualTo(anna.id());
        assertThat(acmeName()).isEqualTo("Acme GmbH");
        assertThat(second.get(1).version()).isEqualTo(first.get(1).version()).isEqualTo(acme.version() + 1);
    }

    @Test
    void differentFieldsChangedOnBothSidesAreMerged() {
        crm.parties().changeAccountDetails(acme.id(), new AccountDetails(null, "Energy", null, null));

        List<ChangeResult> results = syncUp(FieldPolicy.SERVER_WINS, renameAcme("Acme GmbH", clock.instant()));

        assertThat(results.get(0).outcome()).isEqualTo(SyncOutcome.APPLIED);
        assertThat(results.get(0).conflicts()).isEmpty();
        Account merged = crm.parties().account(acme.id());
        assertThat(merged.name()).isEqualTo("Acme GmbH");
        assertThat(merged.details().industry()).isEqualTo("Energy");
    }

    @Test
    void theSameFieldChangedOnBothSidesIsDecidedByItsPolicyAndReturned() {
        crm.parties().renameAccount(acme.id(), "Acme Central");

        ChangeResult serverWins = syncUp(FieldPolicy.SERVER_WINS, renameAcme("Acme Device", clock.instant()))
                .get(0);

        assertThat(serverWins.outcome()).isEqualTo(SyncOutcome.CONFLICT);
        assertThat(serverWins.conflicts())
                .containsExactly(new FieldConflict(
                        "Account.name",
                        "Acme",
                        "Acme Device",
                        "Acme Central",
                        FieldPolicy.SERVER_WINS,
                        "Acme Central"));
        assertThat(acmeName()).isEqualTo("Acme Central");

        ChangeResult deviceWins = syncUp(FieldPolicy.DEVICE_WINS, renameAcme("Acme Device", clock.instant()))
                .get(0);
        assertThat(deviceWins.conflicts())
                .extracting(FieldConflict::storedValue)
                .containsExactly("Acme Device");
        assertThat(acmeName()).isEqualTo("Acme Device");
    }

    @Test
    void theLastWriterWinsByTheDevicesTimeAgainstTheCentralChange() {
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        crm.parties().renameAccount(acme.id(), "Acme Central");

        syncUp(FieldPolicy.LAST_WRITER_WINS, renameAcme("Acme Earlier", before));
        assertThat(acmeName()).isEqualTo("Acme Central");

        syncUp(
                FieldPolicy.LAST_WRITER_WINS,
                renameAcme("Acme Later", clock.instant().plus(Duration.ofMinutes(5))));
        assertThat(acmeName()).isEqualTo("Acme Later");
    }

    @Test
    void aConflictKeptForAPersonBecomesOneTaskOfTheUserHoweverOftenItIsSent() {
        crm.parties().renameAccount(acme.id(), "Acme Central");

        ChangeResult kept = syncUp(FieldPolicy.KEEP_FOR_PERSON, renameAcme("Acme Device", clock.instant()))
                .get(0);
        syncUp(FieldPolicy.KEEP_FOR_PERSON, renameAcme("Acme Device", clock.instant()));

        assertThat(kept.outcome()).isEqualTo(SyncOutcome.CONFLICT);
        assertThat(acmeName()).isEqualTo("Acme Central");
        List<Task> tasks = crm.activities()
                .tasksOf(anna.id(), TaskStatus.ACTIVE, PageRequest.first(10))
                .items();
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.subject()).isEqualTo("Settle a sync conflict on Account");
            assertThat(task.description()).contains("'Acme Device'", "'Acme Central'");
        });
    }

    @Test
    void aChangeTheDomainRefusesComesBackWithItsViolationsAndNothingOfItIsStored() {
        DeviceChange.Update blankName = new DeviceChange.Update(
                "Contact",
                kim.id().value(),
                kim.version(),
                Map.of("lastName", new FieldEdit("Berg", " ")),
                clock.instant());
        DeviceChange.Update unknownField = new DeviceChange.Update(
                "Account",
                acme.id().value(),
                acme.version(),
                Map.of("revenue", new FieldEdit(null, "1")),
                clock.instant());

        List<ChangeResult> results = syncUp(FieldPolicy.DEVICE_WINS, blankName, unknownField);

        assertThat(results).extracting(ChangeResult::outcome).containsOnly(SyncOutcome.REFUSED);
        assertThat(results.get(0).violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("name.lastName");
            assertThat(violation.code()).isEqualTo("CRM-0001");
        });
        assertThat(results.get(1).violations()).extracting(v -> v.field()).containsExactly("fields.revenue");
        assertThat(crm.parties().contact(kim.id()).name().lastName()).isEqualTo("Berg");
    }

    @Test
    void anOfflineContactThatDuplicatesACentralOneIsReportedWithTheCandidates() {
        UUID offline = UUID.randomUUID();

        ChangeResult result = syncUp(
                        FieldPolicy.SERVER_WINS,
                        new DeviceChange.Create(
                                "Contact",
                                offline,
                                Map.of("firstName", "Kim", "lastName", "Berg", "email", "kim@acme.example"),
                                clock.instant()))
                .get(0);

        assertThat(result.outcome()).isEqualTo(SyncOutcome.APPLIED);
        assertThat(result.possibleDuplicates())
                .extracting(candidate -> candidate.record().id())
                .containsExactly(kim.id().value());
    }

    @Test
    void anActivityDeletedOfflineIsDeletedOnceUnlessItChangedCentrallySince() {
        Activity call =
                crm.activities().logActivity(NewActivity.note(kim.id(), "Call", "Asked for an offer", clock.instant()));
        Activity visit = crm.activities()
                .logActivity(NewActivity.note(kim.id(), "Visit", "Showed the samples", clock.instant()));
        DeviceChange.Delete callDeleted =
                new DeviceChange.Delete("Activity", call.id().value(), call.version(), clock.instant());
        DeviceChange.Delete visitDeleted =
                new DeviceChange.Delete("Activity", visit.id().value(), visit.version(), clock.instant());
        crm.activities().correct(visit.id(), ActivityCorrection.of("Visit", "Showed samples and prices", null));

        assertThat(syncUp(FieldPolicy.SERVER_WINS, callDeleted, visitDeleted))
                .extracting(ChangeResult::outcome)
                .containsExactly(SyncOutcome.APPLIED, SyncOutcome.CONFLICT);
        assertThat(syncUp(FieldPolicy.SERVER_WINS, callDeleted))
                .extracting(ChangeResult::outcome)
                .containsExactly(SyncOutcome.UNCHANGED);
        assertThat(crm.activities().findActivity(call.id())).isEmpty();
        assertThat(crm.activities().findActivity(visit.id())).isPresent();
    }
}
