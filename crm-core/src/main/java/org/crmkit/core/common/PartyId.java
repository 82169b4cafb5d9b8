package org.crmkit.core.common;

/**
 * The id of a party: a {@link ContactId} or an {@link AccountId}. The changes contacts and accounts share (contact
 * points, tags, custom fields, owner, territory, customer since) take either.
 */
public sealed interface PartyId extends EntityId permits ContactId, AccountId {}
