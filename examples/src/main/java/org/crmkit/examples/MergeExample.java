package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.NewStage;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCluster;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.merge.MergeField;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.Resolved;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.merge.SurvivorshipRule;
import org.crmkit.core.merge.UnmergeRefusedException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;

/**
 * Merging duplicates (see docs/syncing-with-your-erp.md, "Merging duplicates"): a contact a salesperson typed in
 * again, with a call, a task and a deal of its own, found by a duplicate scan and merged into the ERP's contact;
 * the typed-in id still leads to the survivor; the merge undone, and undone no more once the survivor was changed.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.MergeExample}
 */
public final class MergeExample {

    private MergeExample() {}

    public static void main(String[] args) {
        run(
                Crm.builder()
                        .storage(InMemoryStorage.create())
                        .clock(Clock.systemUTC())
                        .build(),
                System.out);
    }

    static void run(Crm crm, PrintStream out) {
        UserId owner = UserId.next(new IdGenerator(crm.clock()));
        Account acme = crm.parties().registerAccount(NewAccount.of("Acme Tools", owner));
        Contact fromErp = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner)
                        .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK)
                        .withExternalRef(ExternalRef.of("erp", "C-7")));
        Contact typedIn = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner)
                        .withEmail(EmailAddress.of("KIM.BERG@acme.example"), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse("+49 30 5550100"), ContactPointType.MOBILE));
        crm.parties()
                .linkContactToAccount(
                        typedIn.id(),
                        acme.id(),
                        "Buyer",
                        true,
                        crm.clock().instant().atZone(crm.clock().getZone()).toLocalDate(),
                        null);
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL,
                                Direction.INBOUND,
                                "Asked for an offer",
                                crm.clock().instant())
                        .aboutContact(typedIn.id()));
        Task offer = crm.activities()
                .createTask(new NewTask(
                        "Send the offer",
                        null,
                        crm.clock().instant().plusSeconds(86_400),
                        owner,
                        null,
                        RecordRef.contact(typedIn.id()),
                        null,
                        null));
        Opportunity deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                                "Tools for Kim",
                                acme.id(),
                                crm.pipelines()
                                        .definePipeline(
                                                "Sales",
                                                List.of(
                                                        NewStage.open("Qualify", 20, ForecastCategory.PIPELINE),
                                                        NewStage.won("Won"),
                                                        NewStage.lost("Lost")))
                                        .id(),
                                Currency.getInstance("EUR"),
                                owner)
                        .withPrimaryContact(typedIn.id()));

        DuplicateCluster cluster = crm.duplicates().scanContacts().clusters().get(0);
        Survivorship rules =
                Survivorship.of(SurvivorshipRule.MOST_COMPLETE).with(MergeField.OWNER, SurvivorshipRule.SURVIVOR_WINS);
        MergeRecord merge = crm.merges().mergeCluster(cluster, RecordRef.contact(fromErp.id()), rules);
        out.println("Merged " + merge.merged().size() + " contact into the ERP's: moved "
                + merge.before().activities().size() + " activity, "
                + merge.before().tasks().size() + " task, "
                + merge.before().opportunities().size() + " opportunity");
        Resolved<Contact> found = crm.merges().contact(typedIn.id());
        out.println("The typed-in id finds " + found.record().name().fullName() + ", the ERP's contact: "
                + found.record().id().equals(fromErp.id()) + ", redirected: " + found.redirected());
        out.println("  with the typed-in phone: "
                + found.record().contactPoints().hasPhone(PhoneNumber.parse("+49 30 5550100"))
                + ", the task now on the ERP's contact: "
                + crm.activities().findTask(offer.id()).orElseThrow().link().equals(RecordRef.contact(fromErp.id()))
                + ", the deal's contact too: "
                + crm.sales()
                        .opportunity(deal.id())
                        .orElseThrow()
                        .state()
                        .primaryContact()
                        .equals(fromErp.id()));

        crm.merges().unmerge(merge.id());
        out.println("Unmerged: the typed-in contact is back: "
                + crm.parties().findContact(typedIn.id()).isPresent() + ", with its call: "
                + crm.activities()
                        .timeline(typedIn.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items()
                        .size()
                + ", the deal's contact again the typed-in one: "
                + crm.sales()
                        .opportunity(deal.id())
                        .orElseThrow()
                        .state()
                        .primaryContact()
                        .equals(typedIn.id()));

        MergeRecord again = crm.merges().mergeContacts(fromErp.id(), List.of(typedIn.id()), rules);
        crm.parties().renameContact(fromErp.id(), PersonName.of("Kim", "Berg-Larsen"));
        try {
            crm.merges().unmerge(again.id());
        } catch (UnmergeRefusedException refused) {
            out.println("Merged again and renamed: unmerge refused, "
                    + refused.reasons().size() + " reason: "
                    + refused.reasons().get(0).replace(fromErp.id().toString(), "<ERP's contact>"));
        }
    }
}
