package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.Registered;
import org.crmkit.core.Upserted;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.ContactRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookups of many contacts at once that a batch of upserts and registrations reads ahead
 * ({@code ContactRepository.findByExternalRefs}, {@code findByEmails}, {@code findByPhones},
 * {@code findByNamesStartingWith}): each answers what the lookup of one value answers, for every value, each contact
 * once and of the tenant only. And a batch through {@code Crm} ({@code duplicates().inContactBatch}) gives every call
 * the result it has without the batch: updates of contacts the batch created, duplicates within the batch, lookups
 * the batch did not read ahead.
 */
public abstract class ContactBatchContract extends StorageContract {

    private static final PostalAddress BERLIN = PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE");

    private UserId owner;

    @BeforeEach
    void owner() {
        owner = UserId.next(ids);
    }

    private ContactRepository contacts() {
        return storage.contacts();
    }

    private Contact stored(TenantId tenant, NewContact contact) {
        return storage.transactions()
                .inTransaction(() -> contacts().save(Contact.register(tenant, ContactId.next(ids), contact, clock)));
    }

    private NewContact person(String first, String last) {
        return NewContact.of(PersonName.of(first, last), owner);
    }

    private static List<ContactId> idsOf(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    @Test
    void contactsAreFoundByManyReferencesEmailsAndPhonesAtOnceEachOnceAndOfTheTenantOnly() {
        List<Contact> stored = IntStream.range(0, 130)
                .mapToObj(i -> stored(
                        TENANT_A,
                        person("Person", "Number" + i)
                                .withExternalRef(ExternalRef.of("erp", "K-" + i))
                                .withEmail(EmailAddress.of("p" + i + "@example.com"), ContactPointType.WORK)
                                .withEmail(EmailAddress.of("private" + i + "@example.com"), ContactPointType.HOME)
                                .withPhone(PhoneNumber.parse("+49 30 " + (1_000_000 + i)), ContactPointType.WORK)))
                .toList();
        stored(
                TENANT_B,
                person("Other", "Tenant")
                        .withExternalRef(ExternalRef.of("erp", "K-2"))
                        .withEmail(EmailAddress.of("p2@example.com"), ContactPointType.WORK));
        List<ExternalRef> refs = new ArrayList<>();
        List<EmailAddress> emails = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        for (int i = 0; i < 130; i += 2) {
            refs.add(ExternalRef.of("erp", "K-" + i));
            emails.add(EmailAddress.of("P" + i + "@Example.com"));
            emails.add(EmailAddress.of("private" + i + "@example.com"));
            phones.add(PhoneNumber.parse("+4930" + (1_000_000 + i)));
        }
        refs.add(ExternalRef.of("erp", "K-none"));
        emails.add(EmailAddress.of("nobody@example.com"));
        List<ContactId> even = IntStream.range(0, 130)
                .filter(i -> i % 2 == 0)
                .mapToObj(i -> stored.get(i).id())
                .toList();

        assertThat(idsOf(contacts().findByExternalRefs(TENANT_A, refs))).containsExactlyInAnyOrderElementsOf(even);
        assertThat(idsOf(contacts().findByEmails(TENANT_A, emails))).containsExactlyInAnyOrderElementsOf(even);
        assertThat(idsOf(contacts().findByPhones(TENANT_A, phones))).containsExactlyInAnyOrderElementsOf(even);
        assertThat(contacts().findByExternalRefs(TENANT_A, List.of())).isEmpty();
        assertThat(contacts().findByEmails(TENANT_B, emails))
                .singleElement()
                .satisfies(contact -> assertThat(contact.name().lastName()).isEqualTo("Tenant"));
    }

    @Test
    void theFirstContactsOfEachNamePrefixAreFoundTogetherAsEachPrefixFindsThem() {
        for (String last : List.of("Meier", "Meierhof", "Meyer", "Mayer", "Meiners", "Schmidt", "Schmitt")) {
            for (String first : List.of("Anna", "Bernd", "Carla")) {
                stored(TENANT_A, person(first, last));
            }
        }
        stored(TENANT_A, person("Meiko", "Tanaka"));
        stored(TENANT_B, person("Anna", "Meier"));
        List<String> prefixes = List.of("Meier", "ma", "SCHMI", "Tanaka", "meik", "Nobody");

        List<Contact> found = contacts().findByNamesStartingWith(TENANT_A, prefixes, 4);

        assertThat(idsOf(found)).doesNotHaveDuplicates();
        for (String prefix : prefixes) {
            List<ContactId> first =
                    contacts().findByNameStartingWith(TENANT_A, prefix, PageRequest.first(4)).items().stream()
                            .map(Contact::id)
                            .toList();
            assertThat(found.stream()
                            .filter(contact -> contact.name().startsWith(prefix))
                            .sorted(Comparator.comparing((Contact contact) ->
                                            contact.name().lastName().toLowerCase(Locale.ROOT))
                                    .thenComparing(contact ->
                                            contact.name().firstName().toLowerCase(Locale.ROOT))
                                    .thenComparing(
                                            contact -> contact.id().value().toString()))
                            .limit(4)
                            .map(Contact::id)
                            .toList())
                    .as("the first 4 of %s", prefix)
                    .isEqualTo(first);
        }
        // Meier 4 of 6 (Meierhof too), Mayer 3, Schmidt and Schmitt 4 of 6, Meiko Tanaka by last and by first name
        assertThat(found).hasSize(4 + 3 + 4 + 1);
    }

    @Test
    void aBatchOfUpsertsAndRegistrationsGivesEveryCallTheResultItHasWithoutTheBatch() {
        List<String> alone = run(TENANT_A, false);
        List<String> batched = run(TENANT_B, true);

        assertThat(batched).isEqualTo(alone);
        assertThat(alone)
                .containsExactly(
                        "UNCHANGED #1 [] []",
                        "CREATED #2 [] []",
                        "UPDATED #2 [tags] []",
                        "CREATED #3 [] [#1 100 EMAIL+SIMILAR_NAME]",
                        "CREATED #4 [] [#2 100 EMAIL+SIMILAR_NAME]",
                        "UPDATED #1 [phones] []",
                        "CREATED #5 [] [#1 50 PHONE, bob 50 PHONE]",
                        "CREATED #6 [] []",
                        "CREATED #7 [] [#6 60 EMAIL]");
        assertThat(contacts().findAll(TENANT_B, PageRequest.first(20)).totalElements())
                .isEqualTo(contacts().findAll(TENANT_A, PageRequest.first(20)).totalElements())
                .isEqualTo(8);
    }

    /**
     * Stores Ada King (erp/K-1) and Bob Smith of the tenant, then upserts and registers the same contacts, in a batch
     * or each on its own, and describes every result with the records numbered in the order they are named.
     */
    private List<String> run(TenantId tenant, boolean inBatch) {
        Crm crm = Crm.builder().storage(storage).clock(clock).tenant(tenant).build();
        NewContact ada = person("Ada", "King")
                .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK)
                .withAddress(BERLIN, ContactPointType.HOME);
        Contact storedAda =
                crm.parties().upsertContact(ExternalRef.of("erp", "K-1"), ada).record();
        Contact bob = crm.parties()
                .registerContact(
                        person("Bob", "Smith").withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.WORK));
        NewContact grace = person("Grace", "Hopper")
                .withEmail(EmailAddress.of("grace@example.com"), ContactPointType.WORK)
                .withAddress(BERLIN, ContactPointType.WORK);
        NewContact adaWithPhone = ada.withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.MOBILE);
        List<Function<Crm, Object>> calls = List.of(
                c -> c.parties().upsertContact(ExternalRef.of("erp", "K-1"), ada),
                c -> c.parties().upsertContact(ExternalRef.of("erp", "K-2"), grace),
                c -> c.parties().upsertContact(ExternalRef.of("erp", "K-2"), grace.withTag("vip")),
                c -> c.duplicates()
                        .registerContact(person("Ada", "Kinng")
                                .withEmail(EmailAddress.of("ADA@example.com"), ContactPointType.HOME)
                                .withAddress(BERLIN, ContactPointType.HOME)),
                c -> c.parties()
                        .upsertContact(
                                ExternalRef.of("erp", "K-3"),
                                person("Grace", "Hoper")
                                        .withEmail(EmailAddress.of("grace@example.com"), ContactPointType.HOME)
                                        .withAddress(BERLIN, ContactPointType.HOME)),
                c -> c.parties().upsertContact(ExternalRef.of("erp", "K-1"), adaWithPhone),
                c -> c.duplicates()
                        .registerContact(person("Robert", "Smith")
                                .withPhone(PhoneNumber.parse("+4930 1234567"), ContactPointType.MOBILE)),
                // not among the batch's contacts: looked up in the storage
                c -> c.parties()
                        .upsertContact(
                                ExternalRef.of("erp", "K-9"),
                                person("Late", "Comer")
                                        .withEmail(EmailAddress.of("late@example.com"), ContactPointType.WORK)),
                c -> c.duplicates()
                        .registerContact(person("Later", "Comer")
                                .withEmail(EmailAddress.of("late@example.com"), ContactPointType.WORK)));
        List<NewContact> readAhead = List.of(
                ada.withExternalRef(ExternalRef.of("erp", "K-1")),
                grace.withExternalRef(ExternalRef.of("erp", "K-2")),
                person("Ada", "Kinng")
                        .withEmail(EmailAddress.of("ADA@example.com"), ContactPointType.HOME)
                        .withAddress(BERLIN, ContactPointType.HOME),
                person("Grace", "Hoper")
                        .withExternalRef(ExternalRef.of("erp", "K-3"))
                        .withEmail(EmailAddress.of("grace@example.com"), ContactPointType.HOME)
                        .withAddress(BERLIN, ContactPointType.HOME),
                person("Robert", "Smith").withPhone(PhoneNumber.parse("+4930 1234567"), ContactPointType.MOBILE));
        Map<RecordRef, String> labels = new LinkedHashMap<>();
        labels.put(RecordRef.contact(storedAda.id()), "#1");
        labels.put(RecordRef.contact(bob.id()), "bob");
        List<Object> results = inBatch
                ? crm.duplicates()
                        .inContactBatch(
                                readAhead,
                                () -> calls.stream()
                                        .map(call -> call.apply(crm))
                                        .toList())
                : calls.stream().map(call -> call.apply(crm)).toList();
        return results.stream().map(result -> describe(result, labels)).toList();
    }

    private static String describe(Object result, Map<RecordRef, String> labels) {
        if (result instanceof Upserted<?> upserted) {
            return upserted.outcome() + " " + label(labels, (Contact) upserted.record()) + " "
                    + upserted.changedFields() + " " + candidates(upserted.possibleDuplicates(), labels);
        }
        Registered<?> registered = (Registered<?>) result;
        return "CREATED " + label(labels, (Contact) registered.record()) + " [] "
                + candidates(registered.possibleDuplicates(), labels);
    }

    private static String label(Map<RecordRef, String> labels, Contact contact) {
        RecordRef record = RecordRef.contact(contact.id());
        if (!labels.containsKey(record)) {
            labels.put(
                    record,
                    "#"
                            + (labels.values().stream()
                                            .filter(label -> label.startsWith("#"))
                                            .count()
                                    + 1));
        }
        return labels.get(record);
    }

    private static String candidates(List<DuplicateCandidate> candidates, Map<RecordRef, String> labels) {
        return candidates.stream()
                .map(candidate -> labels.getOrDefault(candidate.record(), "?") + " " + candidate.score() + " "
                        + candidate.matches().stream()
                                .map(match -> match.kind().name())
                                .collect(Collectors.joining("+")))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
