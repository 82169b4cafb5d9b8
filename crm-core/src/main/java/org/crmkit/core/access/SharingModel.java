package org.crmkit.core.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;

/**
 * Who may read and change which records: an organisation-wide {@link DefaultAccess} per record type. For the
 * customer records (contacts, accounts, leads, opportunities) a user always reads and changes a record it owns, of
 * an owner in a team it is a member of, of an owner below it in the manager hierarchy (the members of the teams it
 * leads, and of the teams those lead, and so on), in a territory it is a member of, or that is shared with it or one
 * of its teams ({@link RecordShare}, read-only or read-write); an administrator reads and changes everything; the
 * system actor is not restricted at all. The default, {@link #openToAll()}, restricts nothing. Immutable and
 * thread-safe.
 *
 * <p>The records that hang off the customer records follow them: invoices, payments and credit notes their account;
 * a service case its contact or account; a task its link; an activity any contact, account, lead or opportunity it
 * concerns. A task or case is also visible to and changeable by the users who see its assignee's records as an
 * owner's.
 *
 * <p>Pipelines, segments and campaigns are owned records without a territory: with a restricting default, they are
 * read (and under {@code READ} changed) as the customer records are, through their owner, its team and manager
 * hierarchy, and shares; one without an owner only by administrators and the users it is shared with. A campaign's
 * members follow their campaign and the contact or lead they are: a member is visible when both are.
 *
 * <p>Sales figures follow the manager hierarchy instead: a quota or a forecast snapshot of a user is read by that
 * user and the users above it, of a team by its members and lead and the users above the lead; a snapshot of the
 * whole tenant (or of a pipeline only) by administrators. Quotas are set by the users above the holder (or above the
 * team's members: its lead and the users above it), never by the holder itself; a snapshot is taken by whoever reads
 * its scope.
 */
public final class SharingModel {

    /** The customer records, whose default {@link #every} sets; the records hanging off them follow them. */
    private static final Set<RecordType> CUSTOMER_RECORD_TYPES =
            Set.of(RecordType.CONTACT, RecordType.ACCOUNT, RecordType.LEAD, RecordType.OPPORTUNITY);

    /**
     * The record types that have an owner and may be shared ({@link RecordShare}): the customer records, the
     * definitions of pipelines and segments, and campaigns.
     */
    public static final Set<RecordType> SHARED_RECORD_TYPES = Set.of(
            RecordType.CONTACT,
            RecordType.ACCOUNT,
            RecordType.LEAD,
            RecordType.OPPORTUNITY,
            RecordType.PIPELINE,
            RecordType.SEGMENT,
            RecordType.CAMPAIGN);

    /**
     * Every record type a sharing model gives a default to: the customer records, the definitions of pipelines and
     * segments, campaigns, and the sales figures (quotas, forecast snapshots); those besides the customer records
     * are {@code READ_WRITE} until {@link #withDefault} gives them another default.
     */
    public static final Set<RecordType> GOVERNED_RECORD_TYPES = Set.of(
            RecordType.CONTACT,
            RecordType.ACCOUNT,
            RecordType.LEAD,
            RecordType.OPPORTUNITY,
            RecordType.PIPELINE,
            RecordType.SEGMENT,
            RecordType.CAMPAIGN,
            RecordType.QUOTA,
            RecordType.FORECAST_SNAPSHOT);

    private final Map<RecordType, DefaultAccess> defaults;

    private SharingModel(Map<RecordType, DefaultAccess> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /** Every record readable and changeable by every user: no restriction (what a host without a model gets). */
    public static SharingModel openToAll() {
        return every(DefaultAccess.READ_WRITE);
    }

    /**
     * The same default for the customer records (contacts, accounts, leads, opportunities); the other governed types
     * stay {@code READ_WRITE} until {@link #withDefault} restricts them.
     */
    public static SharingModel every(DefaultAccess access) {
        Require.notNull(access, "defaultAccess");
        Map<RecordType, DefaultAccess> all = new EnumMap<>(RecordType.class);
        CUSTOMER_RECORD_TYPES.forEach(type -> all.put(type, access));
        return new SharingModel(all);
    }

    /** This model with another default for one record type (one of {@link #GOVERNED_RECORD_TYPES}). */
    public SharingModel withDefault(RecordType type, DefaultAccess access) {
        requireGoverned(type);
        Require.notNull(access, "defaultAccess");
        Map<RecordType, DefaultAccess> changed = new EnumMap<>(defaults);
        changed.put(type, access);
        return new SharingModel(changed);
    }

    /** The organisation-wide default of the record type; {@code READ_WRITE} for a type the model does not govern. */
    public DefaultAccess defaultAccess(RecordType type) {
        return defaults.getOrDefault(Require.notNull(type, "recordType"), DefaultAccess.READ_WRITE);
    }

    /** Refuses a record type that cannot be shared: one not among {@link #SHARED_RECORD_TYPES}. */
    static void requireShared(RecordType type) {
        Require.notNull(type, "recordType");
        if (!SHARED_RECORD_TYPES.contains(type)) {
            throw InvalidValueException.invalid(
                    "recordType", type + " cannot be shared; shared are " + new TreeSet<>(SHARED_RECORD_TYPES));
        }
    }

    private static void requireGoverned(RecordType type) {
        Require.notNull(type, "recordType");
        if (!GOVERNED_RECORD_TYPES.contains(type)) {
            throw InvalidValueException.invalid(
                    "recordType",
                    type + " is not governed by the sharing model; governed are "
                            + new TreeSet<>(GOVERNED_RECORD_TYPES));
        }
    }

    @Override
    public String toString() {
        return "SharingModel" + new EnumMap<>(defaults);
    }
}
