package org.crmkit.examples.privacy;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.NewLead;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.UtmAttribution;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.privacy.SubjectExport;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.crmkit.workflow.retention.Retention;
import org.crmkit.workflow.retention.RetentionReport;
import org.crmkit.workflow.retention.RetentionRule;

/**
 * A person's requests and the rules of how long data is kept, in memory: Nora asks what the business holds about
 * her (a subject access export, one JSON document), the audit trail shows who changed her record, she asks to be
 * erased (after which no search finds her), and a retention rule erases a lead that was never converted within two
 * years. Prints what happens.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package
 * -Ddemo.main=org.crmkit.examples.privacy.SubjectRequestsExample}
 */
public final class SubjectRequestsExample {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private SubjectRequestsExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        SettableClock clock = SettableClock.at(START);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .auditTrail(RecordType.CONTACT)
                .build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(Channel.EMAIL, (key, message) -> out.println("sent: " + message.describe()))
                .build();
        Retention retention = Retention.builder(runtime)
                .rule(RetentionRule.leadsNotConvertedWithin(Period.ofMonths(24)))
                .build();
        UserId owner = UserId.next(new IdGenerator(clock));

        Lead stale = crm.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                "Otto",
                                "Oldfield",
                                null,
                                null,
                                EmailAddress.of("otto@example.org"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("fair"),
                        null,
                        UtmAttribution.NONE));
        Contact nora = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Nora", "Lindkvist"), owner)
                        .withEmail(EmailAddress.of("nora.lindqvist@example.org"), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse("+46 70 123 45 67"), ContactPointType.MOBILE));
        crm.parties().renameContact(nora.id(), PersonName.of("Nora", "Lindqvist"));
        crm.parties().grantConsent(nora.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "newsletter form");
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL,
                                Direction.INBOUND,
                                "Nora Lindqvist asks for a quote",
                                clock.instant())
                        .aboutContact(nora.id()));
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .schedule(
                                "newsletter",
                                new PlannedAction(
                                        "newsletter:2026-03:" + nora.id(),
                                        "contact:" + nora.id(),
                                        new Message(
                                                Channel.EMAIL,
                                                "nora.lindqvist@example.org",
                                                "Nora Lindqvist",
                                                "Spring news",
                                                "Dear Nora, ...",
                                                Locale.ENGLISH,
                                                RecordRef.contact(nora.id())),
                                        clock.instant())));
        runtime.runDue(clock.instant());

        RecordRef subject = RecordRef.contact(nora.id());
        SubjectExport export = crm.privacy().export(subject);
        out.println("export: format version " + export.formatVersion() + ", "
                + export.json().length()
                + " characters, holds her e-mail: " + export.json().contains("nora.lindqvist@example.org")
                + ", the call: " + export.json().contains("asks for a quote")
                + ", the newsletter: " + export.json().contains("Spring news"));
        Page<FieldChange> trail = crm.privacy().auditTrail(subject, PageRequest.first(50));
        FieldChange rename = trail.items().stream()
                .filter(change -> change.field().equals("name") && change.oldValue() != null)
                .findFirst()
                .orElseThrow();
        out.println("audit: " + trail.totalElements() + " entries; " + rename.field() + " changed by "
                + rename.changedBy() + " at " + rename.changedAt());

        clock.advance(Duration.ofDays(1));
        ErasureReport erased = crm.privacy().erase(subject, "request of 2026-03-03");
        out.println("erased: " + erased.total() + " records changed");
        out.println("found by e-mail: "
                + crm.parties()
                        .contactsByEmail(EmailAddress.of("nora.lindqvist@example.org"))
                        .size()
                + ", by phone: "
                + crm.parties()
                        .contactsByPhone(PhoneNumber.parse("+46701234567"))
                        .size()
                + ", by name: "
                + crm.parties()
                        .contactsNamed("Lindqvist", PageRequest.first(10))
                        .totalElements());
        out.println("export after erasure holds her name: "
                + crm.privacy().export(subject).json().contains("Lindqvist"));

        clock.set(LocalDate.of(2028, 3, 3).atStartOfDay(clock.getZone()).toInstant());
        RetentionReport report = retention.review(clock.instant());
        out.println("retention: " + report.due() + " due");
        runtime.runDue(clock.instant());
        out.println("stale lead now: "
                + crm.leads().lead(stale.id()).orElseThrow().details().lastName());
    }
}
