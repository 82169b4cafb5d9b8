package org.crmkit.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.greeting.Greetings;

/**
 * Segments evaluated by the storage on the embedded PostgreSQL 17, among 1,000,000 contacts (160 owners in 16
 * territories as in {@link JpaVisibilityScenarios}): every 10th contact is tagged {@code newsletter} (100,000), every
 * 100th also {@code vip} (10,000); six in seven have consent to marketing email; all live in Germany. Segments:
 * <ul>
 *   <li>{@code vip} (1 %) and {@code newsletter} (10 %): tags, answered by the tag keys of {@code crm_lookup};</li>
 *   <li>{@code newsletter} with email consent: the consent tested on the newsletter contacts (8.6 %);</li>
 *   <li>owner 3 or territory 5: the owner and territory columns (6.9 %).</li>
 * </ul>
 * Keyset pages of 100 and of 1,000 from random members of the segment through {@code Crm.segments().contactsIn},
 * sampled after a warm-up and reported as median, p90, p99 and maximum; then the whole newsletter segment walked page
 * by page, and holiday greetings for Christmas Day to the vip segment (a first run that schedules them and a second
 * that finds them scheduled). The contacts are inserted by SQL from documents of stored contacts, then analysed; the
 * plans of the first pages are printed. Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaSegmentScenarios [--contacts 1000000]
 * </pre>
 */
public final class JpaSegmentScenarios {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Instant CHRISTMAS_NOON = Instant.parse("2026-12-25T12:00:00Z");

    private final BenchmarkDatabase database;
    private final JpaStorage storage;
    private final int contacts;
    private final Clock clock = Clock.fixed(CHRISTMAS_NOON, ZoneOffset.UTC);
    private final Random random = new Random(20);

    private JpaSegmentScenarios(BenchmarkDatabase database, int contacts) {
        this.database = database;
        this.storage = database.storage();
        this.contacts = contacts;
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length == 2 && args[0].equals("--contacts") ? Integer.parseInt(args[1]) : 1_000_000;
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            new JpaSegmentScenarios(database, contacts).run();
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        insertContacts();
        database.execute("vacuum analyze");
        System.out.printf("%,d contacts stored by SQL in %.1f s%n", contacts, (System.nanoTime() - started) / 1e9);
        Crm crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
        SegmentId vip = crm.segments()
                .define("VIPs", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("vip")))
                .id();
        SegmentId newsletter = crm.segments()
                .define(
                        "Newsletter",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(SegmentCriterion.HasTags.of("newsletter")))
                .id();
        SegmentId emailable = crm.segments()
                .define(
                        "Newsletter with consent",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(
                                SegmentCriterion.HasTags.of("newsletter"),
                                new SegmentCriterion.HasConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)))
                .id();
        SegmentId ownerOrTerritory = crm.segments()
                .define(
                        "Owner 3 or territory 5",
                        SegmentAudience.CONTACTS,
                        SegmentRule.any(
                                new SegmentCriterion.OwnedBy(JpaVisibilityScenarios.owner(3)),
                                new SegmentCriterion.InTerritory(JpaVisibilityScenarios.territory(5))))
                .id();
        explainFirstPages();
        System.out.printf("load average before: %s%n", Sampling.loadAverage());
        for (SegmentId segment : List.of(vip, newsletter, emailable, ownerOrTerritory)) {
            List<Contact> members = walk(crm, segment, "walked");
            for (int size : new int[] {100, 1000}) {
                Sampling.measure(
                        crm.segments().segment(segment).name() + ", keyset page of " + size,
                        size == 100 ? 2000 : 300,
                        () -> crm.segments()
                                .contactsIn(
                                        segment,
                                        members.get(random.nextInt(members.size()))
                                                .id(),
                                        size));
            }
        }
        greetings(crm, vip);
        System.out.printf("load average after: %s%n", Sampling.loadAverage());
    }

    /** Walks the whole segment page by page, printing how long it took, and returns its members. */
    private static List<Contact> walk(Crm crm, SegmentId segment, String label) {
        long started = System.nanoTime();
        List<Contact> members = new ArrayList<>();
        ContactId after = null;
        while (true) {
            List<Contact> page = crm.segments().contactsIn(segment, after, 1000);
            members.addAll(page);
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        System.out.printf(
                "%s: %s, %,d members in pages of 1,000, %.2f s%n",
                label, crm.segments().segment(segment).name(), members.size(), (System.nanoTime() - started) / 1e9);
        return members;
    }

    /** Holiday greetings on Christmas Day at noon UTC to the segment: a first run, then a second one. */
    private void greetings(Crm crm, SegmentId audience) {
        database.execute("truncate crm_workflow_action");
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, (key, message) -> {})
                .build();
        Greetings greetings = Greetings.builder(runtime)
                .birthdays(false)
                .holidays(audience, "christmas-day")
                .build();
        for (String run : List.of("first", "second")) {
            long started = System.nanoTime();
            int planned = greetings.planDue(CHRISTMAS_NOON);
            System.out.printf(
                    "holiday greetings, %s run over the segment: %,d planned in %.2f s%n",
                    run, planned, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The plans PostgreSQL chooses for a first page of 100 of the tag and of the owner-or-territory segment. */
    private void explainFirstPages() throws SQLException {
        String tenant = "'" + TENANT.value() + "'";
        String tag = "select r.* from crm_contact r, crm_lookup d where r.tenant_id = " + tenant
                + " and d.tenant_id = r.tenant_id and d.record_id = r.id and d.key_name = 'contact.tag'"
                + " and d.key_value = 'vip' order by d.record_id fetch first 100 rows only";
        String ownerOrTerritory = "select r.* from crm_contact r where r.tenant_id = " + tenant
                + " and (r.owner_id = '" + JpaVisibilityScenarios.owner(3).value() + "' or r.territory_id = '"
                + JpaVisibilityScenarios.territory(5).value() + "') order by r.id fetch first 100 rows only";
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            for (String query : List.of(tag, ownerOrTerritory)) {
                System.out.println("explain analyze " + query);
                try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query)) {
                    while (plan.next()) {
                        System.out.println("  " + plan.getString(1));
                    }
                }
            }
        }
    }

    /**
     * Contact {@code i} is owned by owner {@code i % 160} of territory {@code owner / 10}, tagged as the class says,
     * with consent unless {@code i % 7 == 0}; its document is the one of a stored contact of its kind with its id,
     * owner and territory set, and its tags are lookup keys as the adapter writes them.
     */
    private void insertContacts() throws SQLException {
        IdGenerator ids = new IdGenerator(clock);
        List<String> conditions = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (int tags = 0; tags < 3; tags++) {
            for (boolean consent : new boolean[] {true, false}) {
                conditions.add((tags == 2 ? "i % 100 = 0" : tags == 1 ? "i % 10 = 0 and i % 100 <> 0" : "i % 10 <> 0")
                        + (consent ? " and i % 7 <> 0" : " and i % 7 = 0"));
                templates.add(template(ids, tags, consent));
            }
        }
        try (Connection connection = database.connection()) {
            for (int i = 0; i < templates.size(); i++) {
                insert(connection, templates.get(i), conditions.get(i));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into crm_lookup (tenant_id, id, record_id, key_name, key_value)"
                        + " select tenant_id, gen_random_uuid(), id, 'contact.tag', tag from crm_contact,"
                        + " jsonb_array_elements_text(document -> 'tags' -> 'values') tag");
            }
        }
    }

    private void insert(Connection connection, String template, String condition) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into crm_contact (tenant_id, id,"
                + " version, owner_id, territory_id, last_name_key, first_name_key, full_name_key, document)"
                + " select ?, g.id, 1, g.owner, g.territory, lower(g.last), 'kim', lower('Kim ' || g.last),"
                + " jsonb_set(jsonb_set(jsonb_set(jsonb_set(cast(? as jsonb), '{id,value}',"
                + " to_jsonb(g.id::text)), '{name,lastName}', to_jsonb(g.last)), '{owner,value}',"
                + " to_jsonb(g.owner::text)), '{territory,value}', to_jsonb(g.territory::text))"
                + " from (select i, ('018f0001-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid as id,"
                + " ('018f0000-0000-7000-8000-' || lpad(to_hex(i % 160), 12, '0'))::uuid as owner,"
                + " ('018f0000-0000-7000-9000-' || lpad(to_hex((i % 160) / 10), 12, '0'))::uuid as territory,"
                + " 'N' || substr(md5(i::text), 1, 8) as last"
                + " from generate_series(0, ? - 1) i where " + condition + ") g")) {
            insert.setString(1, TENANT.value());
            insert.setString(2, template);
            insert.setInt(3, contacts);
            insert.execute();
        }
    }

    /** The document of a contact in Germany with an email, the tags and the consent, stored and deleted again. */
    private String template(IdGenerator ids, int tags, boolean consent) throws SQLException {
        NewContact details = NewContact.of(PersonName.of("Kim", "Template"), JpaVisibilityScenarios.owner(0))
                .withTerritory(JpaVisibilityScenarios.territory(0))
                .withEmail(EmailAddress.of("kim@example.com"), ContactPointType.WORK)
                .withAddress(PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.HOME)
                .withDetails(new ContactDetails(Locale.GERMAN, null, ZoneId.of("Europe/Berlin")));
        if (tags >= 1) {
            details = details.withTag("newsletter");
        }
        if (tags == 2) {
            details = details.withTag("vip");
        }
        Contact contact = Contact.register(TENANT, ContactId.next(ids), details, clock);
        if (consent) {
            contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "import", clock);
        }
        storage.transactions().inTransaction(() -> storage.contacts().save(contact));
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select document::text from crm_contact")) {
            row.next();
            String document = row.getString(1);
            statement.execute("delete from crm_lookup");
            statement.execute("delete from crm_contact");
            return document;
        }
    }
}
