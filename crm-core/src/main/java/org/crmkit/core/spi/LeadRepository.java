package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.party.Account;

/**
 * Stores leads. Every method takes the tenant and sees only that tenant's leads; no argument may be null. Lists are
 * ordered by capture time, then id. Implementations are thread-safe; writes join the caller's transaction.
 */
public interface LeadRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} and every
     * lookup included) answers only the leads that user may see, filtered in the query itself, so that a page holds
     * as many visible records as asked for and counts count visible records only. Visible is a lead whose owner is
     * among {@link Visibility#owners()}, or that is shared with one of {@link Visibility#grantees()} ({@link
     * RecordShareRepository}); everything when {@link Visibility#seesEverything()}. Saves and deletes are
     * not restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    LeadRepository visibleTo(Visibility visibility);

    Optional<Lead> findById(TenantId tenant, LeadId id);

    /**
     * Stores the lead if the stored version equals {@code lead.version()} (0 for a new one) and returns the stored
     * copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Lead save(Lead lead);

    /** Leads whose email matches {@link EmailAddress#normalized()} (case-insensitive), in every status. */
    List<Lead> findByEmail(TenantId tenant, EmailAddress email);

    /** Leads with this E.164 phone number, in every status. */
    List<Lead> findByPhone(TenantId tenant, PhoneNumber phone);

    /**
     * Leads whose company name equals {@code companyName} in {@link Account#normalizeName normal form} (the form
     * accounts are found by name in), in every status; leads without a company name never match. A blank name is
     * refused with an {@code InvalidValueException}.
     */
    List<Lead> findByCompanyName(TenantId tenant, String companyName);

    /** The owner's leads in the status. */
    Page<Lead> findByOwnerAndStatus(TenantId tenant, UserId owner, LeadStatus status, PageRequest page);

    /** The leads in the status. */
    Page<Lead> findByStatus(TenantId tenant, LeadStatus status, PageRequest page);
}
