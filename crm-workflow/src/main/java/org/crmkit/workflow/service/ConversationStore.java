package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Storage port of case conversations, beside crmkit's storage and inside its transactions. No argument may be
 * null; every method sees only the given tenant's records. Writes outside a transaction throw
 * {@link TransactionRequiredException}. Implementations are thread-safe; crm-testkit's
 * {@code ConversationStoreContract} says what an adapter must do.
 */
public interface ConversationStore {

    /**
     * Stores a new conversation (version 0) and returns it with version 1; a second conversation of the same case
     * or with the same reference throws {@link DuplicateRecordException}.
     */
    CaseConversation add(CaseConversation conversation);

    /**
     * Stores the conversation when its version equals the stored one and returns it with the next version; throws
     * {@link StaleVersionException} otherwise.
     */
    CaseConversation update(CaseConversation conversation);

    Optional<CaseConversation> findByCase(TenantId tenant, CaseId caseId);

    Optional<CaseConversation> findByReference(TenantId tenant, String reference);

    /** Conversations whose next check is due by {@code asOf}, by next check then case id, at most {@code limit}. */
    List<CaseConversation> findDue(TenantId tenant, Instant asOf, int limit);

    /** Conversations of cases opened in {@code [from, to)}, by opening time then case id. */
    List<CaseConversation> findOpenedBetween(TenantId tenant, Instant from, Instant to);
}
