package org.crmkit.core.sales;

import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;

/** A contact playing a role in a deal; a contact may have several roles in one deal. */
public record ContactRole(ContactId contact, BuyingRole role) {

    public ContactRole {
        Require.notNull(contact, "contact");
        Require.notNull(role, "role");
    }

    public static ContactRole of(ContactId contact, BuyingRole role) {
        return new ContactRole(contact, role);
    }
}
