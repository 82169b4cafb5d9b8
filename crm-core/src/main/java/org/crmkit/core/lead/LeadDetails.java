package org.crmkit.core.lead;

import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;

/**
 * Who a lead is: the person, the company and what scoring and assignment rules look at (title, country, region,
 * postcode, industry, company size). Everything is optional, but a lead must be reachable or nameable: at least one of last name, email
 * and phone (refused otherwise with field {@code lastName}). Texts are stripped; blank counts as absent.
 */
public record LeadDetails(
        String firstName,
        String lastName,
        String companyName,
        String title,
        EmailAddress email,
        PhoneNumber phone,
        CountryCode country,
        String region,
        String postcode,
        String industry,
        Integer employeeCount) {

    public LeadDetails {
        firstName = Require.maxLength(Require.optional(firstName), 100, "firstName");
        lastName = Require.maxLength(Require.optional(lastName), 100, "lastName");
        companyName = Require.maxLength(Require.optional(companyName), 200, "companyName");
        title = Require.maxLength(Require.optional(title), 100, "title");
        region = Require.maxLength(Require.optional(region), 100, "region");
        postcode = Require.maxLength(Require.optional(postcode), 20, "postcode");
        industry = Require.maxLength(Require.optional(industry), 100, "industry");
        Require.that(
                employeeCount == null || employeeCount > 0, "employeeCount", "must be positive, was " + employeeCount);
        Require.that(
                lastName != null || email != null || phone != null,
                "lastName",
                "a lead needs at least a last name, an email or a phone number");
    }

    /** Details without region and postcode. */
    public LeadDetails(
            String firstName,
            String lastName,
            String companyName,
            String title,
            EmailAddress email,
            PhoneNumber phone,
            CountryCode country,
            String industry,
            Integer employeeCount) {
        this(firstName, lastName, companyName, title, email, phone, country, null, null, industry, employeeCount);
    }

    /** The person's name as one text ("first last"), or null. */
    public String personName() {
        if (lastName == null) {
            return firstName;
        }
        return firstName == null ? lastName : firstName + " " + lastName;
    }
}
