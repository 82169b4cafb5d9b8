package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.ConvertLead;
import org.crmkit.core.Crm;
import org.crmkit.core.NewLead;
import org.crmkit.core.Registered;
import org.crmkit.core.Upserted;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCluster;
import org.crmkit.core.duplicate.DuplicatePolicy;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.duplicate.DuplicateScanResult;
import org.crmkit.core.duplicate.MatchKind;
import org.crmkit.core.duplicate.PossibleDuplicateException;
import org.crmkit.core.duplicate.RuleMatch;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection through {@link Crm} over the adapter: registrations, upserts, imports and lead conversions
 * checked under the tenant's rules (WARN reports candidates, REFUSE stores nothing), and scans of every contact or
 * account of a tenant read in id batches, returning clusters with their matched rules and blocking keys.
 */
public abstract class DuplicateDetectionContract extends StorageContract {

    private UserId owner;

    @BeforeEach
    void owner() {
        owner = UserId.next(ids);
    }

    private Crm crm(DuplicateRules rules) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT_A)
                .duplicateRules(rules)
                .build();
    }

    private Crm crm() {
        return crm(DuplicateRules.standard());
    }

    private NewContact ada() {
        return NewContact.of(PersonName.of("Ada", "King"), owner)
                .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK)
                .withAddress(PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.HOME);
    }

    @Test
    void aRegistrationUnderWarnIsStoredAndReportsTheContactsItMayDuplicate() {
        Contact stored = crm().parties().registerContact(ada());

        Registered<Contact> again = crm().duplicates()
                .registerContact(NewContact.of(PersonName.of("Ada", "Kinng"), owner)
                        .withEmail(EmailAddress.of("ADA@example.com"), ContactPointType.HOME)
                        .withAddress(PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.HOME));

        assertThat(again.possibleDuplicates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.record()).isEqualTo(RecordRef.contact(stored.id()));
            assertThat(candidate.score()).isEqualTo(100);
            assertThat(candidate.matches())
                    .extracting(RuleMatch::kind)
                    .containsExactly(MatchKind.EMAIL, MatchKind.SIMILAR_NAME);
        });
        assertThat(storage.contacts().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(2);
    }

    @Test
    void aRegistrationUnderRefuseIsRefusedNamingTheCandidateAndNothingIsStored() {
        Contact stored = crm().parties().registerContact(ada());
        Crm refusing = crm(DuplicateRules.standard().refusingFrom(60));

        assertThatThrownBy(() -> refusing.parties()
                        .registerContact(NewContact.of(PersonName.of("Ada", "Lovelace"), owner)
                                .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK)))
                .isInstanceOfSatisfying(PossibleDuplicateException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.DUPLICATE);
                    assertThat(e.candidates())
                            .singleElement()
                            .extracting(c -> c.record().id())
                            .isEqualTo(stored.id().value());
                })
                .hasMessageContaining(stored.id().toString())
                .hasMessageContaining("EMAIL ada@example.com");
        assertThat(refusing.parties()
                        .registerContact(NewContact.of(PersonName.of("Bob", "Smith"), owner)
                                .withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.WORK))
                        .version())
                .isEqualTo(1);
        assertThat(storage.contacts().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(2);
    }

    @Test
    void anImportUnderRefuseWithOneDuplicateStoresNoneOfItsContacts() {
        crm().parties().registerContact(ada());
        Crm refusing = crm(DuplicateRules.standard().refusingFrom(60));

        assertThatThrownBy(() -> refusing.parties()
                        .importContacts(List.of(
                                NewContact.of(PersonName.of("Bob", "Smith"), owner),
                                NewContact.of(PersonName.of("Ada", "K."), owner)
                                        .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK))))
                .isInstanceOf(PossibleDuplicateException.class);
        assertThat(storage.contacts().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
    }

    @Test
    void anUpsertThatCreatesAContactCarriesItsCandidatesAndAnUpdateDoesNot() {
        Contact stored = crm().parties()
                .registerContact(NewContact.of(PersonName.of("Bob", "Smith"), owner)
                        .withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.WORK));
        ExternalRef ref = ExternalRef.of("erp", "P-1");
        NewContact robert = NewContact.of(PersonName.of("Robert", "Smith"), owner)
                .withPhone(PhoneNumber.parse("+4930 1234567"), ContactPointType.MOBILE);

        Upserted<Contact> created = crm().parties().upsertContact(ref, robert);
        Upserted<Contact> updated = crm().parties().upsertContact(ref, robert.withTag("vip"));

        assertThat(created.possibleDuplicates())
                .singleElement()
                .satisfies(c -> assertThat(c.record()).isEqualTo(RecordRef.contact(stored.id())))
                .satisfies(c ->
                        assertThat(c.matches()).extracting(RuleMatch::value).containsExactly("+49301234567"));
        assertThat(updated.outcome()).isEqualTo(Upserted.Outcome.UPDATED);
        assertThat(updated.possibleDuplicates()).isEmpty();
    }

    @Test
    void accountsMatchOnTheirNameWithoutLegalFormAndPostcodeAndOnTheTaxId() {
        PostalAddress berlin = PostalAddress.of("Werkstr. 5", "10115", "Berlin", "DE");
        Account mueller = crm().parties()
                .registerAccount(NewAccount.of("Müller Maschinenbau GmbH & Co. KG", owner)
                        .withAddress(berlin, ContactPointType.WORK));
        Account muller = crm().parties()
                .registerAccount(
                        NewAccount.of("Muller Maschinenbau", owner).withAddress(berlin, ContactPointType.BILLING));
        Account initech = crm().parties()
                .registerAccount(NewAccount.of("Initech", owner)
                        .withDetails(new AccountDetails(null, null, null, "DE 123 456 789")));
        Account initechAg = crm().parties()
                .registerAccount(NewAccount.of("Initech Holding AG", owner)
                        .withDetails(new AccountDetails(null, null, null, "de123456789")));
        crm().parties().registerAccount(NewAccount.of("Umbrella", owner).withAddress(berlin, ContactPointType.WORK));

        DuplicateScanResult scan = crm().duplicates().scanAccounts();

        assertThat(scan.recordsRead()).isEqualTo(5);
        assertThat(scan.clusters())
                .extracting(DuplicateCluster::records)
                .containsExactlyInAnyOrder(
                        sorted(RecordRef.account(mueller.id()), RecordRef.account(muller.id())),
                        sorted(RecordRef.account(initech.id()), RecordRef.account(initechAg.id())));
        DuplicateCluster byTaxId = scan.clusters().stream()
                .filter(c -> c.records().contains(RecordRef.account(initech.id())))
                .findFirst()
                .orElseThrow();
        assertThat(byTaxId.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.matches()).extracting(RuleMatch::value).containsExactly("DE123456789");
            assertThat(pair.blockingKeys()).containsExactly("taxId:DE123456789");
        });
        assertThat(crm().duplicates()
                        .candidatesFor(NewAccount.of("Umbrella", owner).withAddress(berlin, ContactPointType.WORK)))
                .extracting(c -> c.record().id())
                .hasSize(1);
    }

    private static List<RecordRef> sorted(RecordRef a, RecordRef b) {
        return a.id().compareTo(b.id()) < 0 ? List.of(a, b) : List.of(b, a);
    }

    @Test
    void aScanReadsEveryContactOfTheTenantInBatchesAndFindsThePlantedPairs() {
        List<NewContact> people = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            people.add(NewContact.of(PersonName.of("Person", "Number" + i), owner)
                    .withEmail(EmailAddress.of("p" + i + "@example.com"), ContactPointType.WORK));
        }
        people.add(NewContact.of(PersonName.of("Late", "Twin"), owner)
                .withEmail(EmailAddress.of("p3@example.com"), ContactPointType.HOME));
        List<Contact> stored = crm(DuplicateRules.standard().withPolicy(DuplicatePolicy.ALLOW))
                .parties()
                .importContacts(people);

        DuplicateScanResult scan = crm().duplicates().scanContacts();

        assertThat(scan.recordsRead()).isEqualTo(1_206);
        assertThat(scan.clusters())
                .singleElement()
                .extracting(DuplicateCluster::records)
                .isEqualTo(sorted(
                        RecordRef.contact(stored.get(3).id()),
                        RecordRef.contact(stored.get(1_205).id())));
        assertThat(storage.contacts().findAllAfter(TENANT_A, null, 1_000)).hasSize(1_000);
        assertThat(storage.contacts().findAllAfter(TENANT_A, stored.get(1_205).id(), 10))
                .allSatisfy(c -> assertThat(c.id().value())
                        .isGreaterThan(stored.get(1_205).id().value()));
        assertThat(storage.contacts().findAllAfter(TENANT_B, null, 10)).isEmpty();
    }

    @Test
    void aLeadConvertedDespiteDuplicatesIsRefusedUnderRefuseAndConvertsNothing() {
        Contact jane = crm().parties()
                .registerContact(NewContact.of(PersonName.of("Jane", "Doe"), owner)
                        .withEmail(EmailAddress.of("jane@initech.example"), ContactPointType.WORK));
        Crm refusing = crm(DuplicateRules.standard().refusingFrom(60));
        Lead lead = refusing.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                "Jane",
                                "Doe",
                                "Initech GmbH",
                                null,
                                EmailAddress.of("Jane@Initech.example"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("web"),
                        null,
                        null));
        refusing.leads().assign(lead.id(), owner);
        refusing.leads().qualify(lead.id());

        assertThatThrownBy(() -> refusing.leads().convert(lead.id(), new ConvertLead(null, null, null, owner, true)))
                .isInstanceOf(PossibleDuplicateException.class)
                .hasMessageContaining(jane.id().toString());
        assertThat(storage.accounts().findAll(TENANT_A, PageRequest.first(10)).items())
                .extracting(Account::id)
                .isEmpty();
        assertThat(refusing.leads().lead(lead.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void allowLooksNothingUp() {
        crm().parties().registerContact(ada());

        Registered<Contact> twin = crm(DuplicateRules.standard().withPolicy(DuplicatePolicy.ALLOW))
                .duplicates()
                .registerContact(ada());

        assertThat(twin.possibleDuplicates()).isEmpty();
        assertThat(crm().duplicates().candidatesFor(ada())).hasSize(2);
    }
}
