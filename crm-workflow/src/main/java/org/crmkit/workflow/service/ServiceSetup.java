package org.crmkit.workflow.service;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingHours;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.party.Contact;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.spi.HolidayCalendar;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.action.ContactMessages;

/** The configuration of {@link CustomerService}, shared by its collaborators. */
record ServiceSetup(
        ConversationStore store,
        List<SlaPolicy> policies,
        WorkingHours workingHours,
        HolidayCalendar holidays,
        CountryCode defaultCountry,
        ZoneId defaultZone,
        Locale defaultLanguage,
        TemplateRenderer templates,
        Function<InboundMessage, CasePriority> priority,
        Function<InboundMessage, CaseCategory> category,
        Function<CaseConversation, String> surveyLinks,
        EscalationTarget escalation) {

    /** The most specific policy that applies; the standard policy when none does. */
    SlaPolicy policyFor(CasePriority casePriority, CaseCategory caseCategory) {
        return policies.stream()
                .filter(policy -> policy.appliesTo(casePriority, caseCategory))
                .max(Comparator.comparingInt(SlaPolicy::specificity))
                .orElse(SlaPolicy.standard());
    }

    CountryCode countryOf(Contact contact) {
        return contact.contactPoints()
                .primaryAddress()
                .map(address -> address.country())
                .orElse(defaultCountry);
    }

    ZoneId zoneOf(Contact contact) {
        return ContactMessages.zoneOf(contact, defaultZone);
    }

    /** The clock arithmetic of a case in its country and the customer's zone. */
    SlaTimer timer(SlaClock clock) {
        return timer(clock.country(), ZoneId.of(clock.zone()));
    }

    SlaTimer timer(CountryCode country, ZoneId zone) {
        return new SlaTimer(new BusinessHours(workingHours, BusinessCalendar.of(holidays, country), zone));
    }
}
