package org.crmkit.core.common;

/**
 * Who makes a change: a user of the host application, or the system itself (workflows, imports). {@code id} is
 * the host's user id or the id of a crmkit {@link UserId}; it is recorded in histories and audit fields.
 */
public record Actor(String id, String displayName) {

    /** Changes made by crmkit itself or by a host process without a user. */
    public static final Actor SYSTEM = new Actor("system", "System");

    public Actor {
        id = Require.maxLength(Require.notBlank(id, "actor.id"), 100, "actor.id");
        displayName = Require.optional(Require.storableText(displayName, "actor.displayName")) == null
                ? id
                : displayName.strip();
    }

    public static Actor of(String id, String displayName) {
        return new Actor(id, displayName);
    }

    public static Actor user(UserId user, String displayName) {
        return new Actor(user.value().toString(), displayName);
    }
}
