package org.crmkit.core.access;

/** Why a user may see a record, strongest first. */
public enum VisibilityReason {
    /** The user is an administrator and sees everything. */
    ADMIN,
    /** The user owns the record. */
    OWNER,
    /** The user leads a team the owner is a member of. */
    TEAM_LEAD,
    /** The user is above the owner in the manager hierarchy: leads a team whose member leads the owner's team, ... */
    MANAGER,
    /** The user and the owner are in the same team. */
    TEAM_MEMBER,
    /** The record is in a territory the user is a member of. */
    TERRITORY_MEMBER
}
