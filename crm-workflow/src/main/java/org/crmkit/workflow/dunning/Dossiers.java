package org.crmkit.workflow.dunning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.workflow.action.Channel;

/**
 * Prepares the lawyer's {@link Dossier}: the case's claim with its invoices, the notices and disputes of its
 * history, every payment of the account, the account and every one of its contacts with their addresses, and every
 * activity on the account's timeline since the case opened, each list read page by page to its end.
 */
final class Dossiers {

    private static final int PAGE = 200;

    private final DunningContext context;

    Dossiers(DunningContext context) {
        this.context = context;
    }

    Dossier prepare(DunningCase dunningCase, Account account, String accountName, List<Invoice> invoices, Claim claim) {
        Map<String, Invoice> byNumber = new HashMap<>();
        invoices.forEach(invoice -> byNumber.put(invoice.number(), invoice));
        List<Dossier.InvoiceEntry> invoiceEntries = claim.lines().stream()
                .map(line -> {
                    Invoice invoice = byNumber.get(line.invoice());
                    return new Dossier.InvoiceEntry(
                            line.invoice(),
                            invoice == null ? null : invoice.issueDate(),
                            line.dueDate(),
                            invoice == null ? line.balance() : invoice.total(),
                            line.balance(),
                            line.level());
                })
                .toList();
        List<CaseEvent> history = dunningCase.history();
        List<CaseEvent> notices = history.stream()
                .filter(e -> e.kind() == CaseEventKind.LEVEL_REACHED
                        || e.kind() == CaseEventKind.NOTICE_DELIVERED
                        || e.kind() == CaseEventKind.DELIVERY_FAILED)
                .toList();
        List<CaseEvent> disputes = history.stream()
                .filter(e -> e.kind() == CaseEventKind.DISPUTED || e.kind() == CaseEventKind.DISPUTE_RESOLVED)
                .toList();
        List<Dossier.PaymentEntry> payments =
                all(page -> context.crm().billing().paymentsOf(dunningCase.account(), page)).stream()
                        .map(payment ->
                                new Dossier.PaymentEntry(payment.receivedOn(), payment.amount(), payment.reference()))
                        .toList();
        List<Dossier.ContactEntry> contacts = new ArrayList<>();
        List<Dossier.InteractionEntry> interactions = new ArrayList<>();
        if (account != null) {
            contacts.add(contact(account.name(), account.contactPoints()));
            all(page -> context.crm().parties().contactsOfAccount(account.id(), page))
                    .forEach(contact -> contacts.add(contact(contact.name().fullName(), contact.contactPoints())));
            TimelineFilter sinceOpened = TimelineFilter.during(
                    dunningCase.openedOn().atStartOfDay(context.zone()).toInstant(),
                    claim.asOf().plusDays(1).atStartOfDay(context.zone()).toInstant());
            all(page -> context.crm().activities().timeline(account.id(), sinceOpened, page))
                    .forEach(activity -> interactions.add(new Dossier.InteractionEntry(
                            activity.occurredAt(), activity.kind().name(), activity.subject())));
        }
        return new Dossier(
                dunningCase.id(),
                dunningCase.account(),
                accountName,
                claim.asOf(),
                invoiceEntries,
                notices,
                payments,
                disputes,
                contacts,
                interactions,
                claim);
    }

    private static Dossier.ContactEntry contact(String name, ContactPoints points) {
        return new Dossier.ContactEntry(
                name,
                Channel.EMAIL.addressIn(points).orElse(null),
                Channel.SMS.addressIn(points).orElse(null),
                Channel.LETTER.addressIn(points).orElse(null));
    }

    /** Every item of a paged query, page by page. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> query) {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<T> page = query.apply(request);
            items.addAll(page.items());
            if (!page.hasNext()) {
                return items;
            }
            request = request.next();
        }
    }
}
