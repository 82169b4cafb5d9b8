package org.crmkit.workflow.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingHours;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.HolidayCalendar;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ContactMessages;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Takes the steps of an enrolment, in the caller's transaction: messages inside the working hours of a business day
 * in the contact's zone and country, with consent, rendered in the contact's language; call tasks that pause the
 * enrolment; business-day waits (see {@link FollowUpSequences}).
 */
final class SequenceSteps {

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final EnrolmentStore enrolments;
    private final Function<String, Sequence> sequences;
    private final TemplateRenderer templates;
    private final HolidayCalendar holidays;
    private final WorkingHours workingHours;
    private final CountryCode defaultCountry;
    private final ZoneId defaultZone;
    private final Locale defaultLanguage;
    private final ConsentPurpose purpose;

    SequenceSteps(
            WorkflowRuntime runtime,
            EnrolmentStore enrolments,
            Function<String, Sequence> sequences,
            TemplateRenderer templates,
            HolidayCalendar holidays,
            WorkingHours workingHours,
            CountryCode defaultCountry,
            ZoneId defaultZone,
            Locale defaultLanguage,
            ConsentPurpose purpose) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.enrolments = enrolments;
        this.sequences = sequences;
        this.templates = templates;
        this.holidays = holidays;
        this.workingHours = workingHours;
        this.defaultCountry = defaultCountry;
        this.defaultZone = defaultZone;
        this.defaultLanguage = defaultLanguage;
        this.purpose = purpose;
    }

    int resumeIfTaskOver(Enrolment enrolment, Instant asOf) {
        if (enrolment.status() != EnrolmentStatus.WAITING_FOR_TASK) {
            return 0;
        }
        Optional<Task> task = crm.activities().findTask(enrolment.waitingFor());
        if (task.isEmpty() || !task.get().status().isActive()) {
            enrolments.update(enrolment.advancedTo(enrolment.nextStep() + 1, asOf));
        }
        return 0;
    }

    /** Runs the enrolment's steps from its next one until a wait, a call task or the end. */
    int run(Enrolment enrolment, Instant asOf) {
        if (enrolment.status() != EnrolmentStatus.ACTIVE
                || enrolment.nextStepAt().isAfter(asOf)) {
            return 0;
        }
        Sequence sequence = sequences.apply(enrolment.sequence());
        Optional<Contact> found = crm.parties().findContact(enrolment.contact());
        if (found.isEmpty()) {
            endNow(enrolment, EndReason.BY_HAND);
            return 0;
        }
        Contact contact = found.get();
        ZoneId zone = ContactMessages.zoneOf(contact, defaultZone);
        BusinessCalendar days = BusinessCalendar.of(holidays, countryOf(contact));
        int scheduled = 0;
        int step = enrolment.nextStep();
        Instant at = enrolment.nextStepAt().isBefore(asOf) ? asOf : enrolment.nextStepAt();
        while (step < sequence.steps().size()) {
            SequenceStep current = sequence.steps().get(step);
            if (current instanceof SequenceStep.SendMessage send) {
                if (!contact.mayContact(send.channel().consentChannel(), purpose)) {
                    endNow(enrolment, EndReason.UNSUBSCRIBED);
                    return scheduled;
                }
                Optional<String> address = send.channel().addressIn(contact.contactPoints());
                if (address.isPresent()) {
                    Instant sendAt = workingHours.nextAllowed(at, zone, days);
                    Message message = message(
                            contact,
                            send,
                            address.get(),
                            "sequence-" + sequence.key(),
                            sendAt.atZone(zone).toLocalDate());
                    if (runtime.outbox()
                            .schedule(
                                    FollowUpSequences.NAME,
                                    new PlannedAction(
                                            enrolment.actionKey(step), enrolment.subject(), message, sendAt))) {
                        scheduled++;
                    }
                    at = sendAt;
                }
                step++;
            } else if (current instanceof SequenceStep.CallTask call) {
                LocalDate dueDay = days.plusBusinessDays(at.atZone(zone).toLocalDate(), call.dueInBusinessDays());
                Instant due =
                        ZonedDateTime.of(dueDay, workingHours.closes(), zone).toInstant();
                while (!due.isAfter(crm.clock().instant())) {
                    dueDay = days.plusBusinessDays(dueDay, 1);
                    due = ZonedDateTime.of(dueDay, workingHours.closes(), zone).toInstant();
                }
                Task task = crm.activities()
                        .createTask(NewTask.of(
                                        call.subject() + ": " + contact.name().fullName(),
                                        due,
                                        call.assignee() == null ? contact.owner() : call.assignee())
                                .linkedTo(RecordRef.contact(contact.id())));
                enrolments.update(enrolment.waitingFor(task.id(), step, at));
                return scheduled;
            } else if (current instanceof SequenceStep.WaitBusinessDays wait) {
                LocalDate resumeDay = days.plusBusinessDays(at.atZone(zone).toLocalDate(), wait.days());
                enrolments.update(enrolment.advancedTo(
                        step + 1,
                        ZonedDateTime.of(resumeDay, workingHours.opens(), zone).toInstant()));
                return scheduled;
            }
        }
        enrolments.update(enrolment.completed(sequence.steps().size(), at));
        return scheduled;
    }

    /** The step's message, with the offer the tenant's rules choose for the sequence's occasion on the day it goes. */
    private Message message(
            Contact contact, SequenceStep.SendMessage send, String address, String occasion, LocalDate day) {
        Locale language = ContactMessages.languageOf(contact, defaultLanguage);
        Map<String, String> values = ContactMessages.personalValues(contact);
        Optional<OfferChoice> offer = ContactMessages.chooseOffer(crm, contact, occasion, day, values);
        RenderedMessage text = templates.render(send.template(), language, values);
        return new Message(
                send.channel(),
                address,
                contact.name().fullName(),
                text.subject().isBlank() ? send.template() : text.subject(),
                text.body(),
                text.language(),
                RecordRef.contact(contact.id()),
                offer.orElse(null));
    }

    Enrolment endNow(Enrolment enrolment, EndReason reason) {
        runtime.outbox().cancelPending(enrolment.subject());
        return enrolments.update(enrolment.ended(reason, crm.clock().instant()));
    }

    private CountryCode countryOf(Contact contact) {
        return contact.contactPoints()
                .primaryAddress()
                .map(address -> address.country())
                .orElse(defaultCountry);
    }
}
