package org.crmkit.workflow.greeting;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.party.Contact;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Writes due greetings into the runtime's action outbox, a batch of candidates per transaction: a page of an
 * occasion's contacts, or a keyset page of a segment's members. The planning half of {@link Greetings}, which decides
 * what is due. Thread-safe.
 */
final class GreetingScheduler {

    private static final int PAGE = PageRequest.MAX_SIZE;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final GreetingMessages messages;

    GreetingScheduler(WorkflowRuntime runtime, GreetingMessages messages) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.messages = messages;
    }

    /**
     * Plans the due greetings of each page of candidates in one transaction: a commit per page rather than per
     * greeting, which is what a database pays most for (see {@link #planBatch}).
     */
    int planPageByPage(
            Function<PageRequest, Page<Contact>> query, Function<Contact, Optional<DueGreeting>> dueGreeting) {
        int planned = 0;
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<Contact> page = query.apply(request);
            planned += planBatch(page.items(), dueGreeting);
            if (!page.hasNext()) {
                return planned;
            }
            request = request.next();
        }
    }

    /**
     * Plans the due greetings of a segment's members a keyset page at a time, each page in one transaction: the
     * storage reads each member once in the run, so a run costs time in proportion to the segment.
     */
    int planSegment(SegmentId segment, Function<Contact, Optional<DueGreeting>> dueGreeting) {
        int planned = 0;
        ContactId after = null;
        while (true) {
            List<Contact> members = crm.segments().contactsIn(segment, after, PAGE);
            planned += planBatch(members, dueGreeting);
            if (members.size() < PAGE) {
                return planned;
            }
            after = members.get(members.size() - 1).id();
        }
    }

    /**
     * Plans the due greetings of one batch of candidates in one transaction. The batch's contacts are locked first,
     * in one call, so that another node planning them at the same moment waits and then finds them scheduled; when
     * it schedules one of them anyway (a collision the locks do not prevent), the transaction runs again and skips
     * what it scheduled.
     */
    private int planBatch(List<Contact> candidates, Function<Contact, Optional<DueGreeting>> dueGreeting) {
        List<DueGreeting> due =
                candidates.stream().map(dueGreeting).flatMap(Optional::stream).toList();
        if (due.isEmpty()) {
            return 0;
        }
        return runtime.inTransactionRetryingCollisions(Greetings.NAME + " of " + due.size() + " contacts", () -> {
            runtime.outbox()
                    .lock(due.stream()
                            .map(greeting -> RecordRef.contact(greeting.contact()))
                            .toList());
            return due.stream().mapToInt(this::schedule).sum();
        });
    }

    /** Schedules one greeting unless it was scheduled before, its contact locked; the stored contact is checked again. */
    private int schedule(DueGreeting greeting) {
        if (runtime.actionByKey(greeting.key()).isPresent()) {
            return 0;
        }
        return crm.parties()
                .findContact(greeting.contact())
                .flatMap(contact -> messages.messageTo(contact, greeting))
                .map(message -> runtime.outbox()
                                .schedule(
                                        Greetings.NAME,
                                        new PlannedAction(
                                                greeting.key(),
                                                "greeting:" + greeting.contact(),
                                                message,
                                                greeting.due()))
                        ? 1
                        : 0)
                .orElse(0);
    }
}
