package org.crmkit.core.marketing;

import java.time.Clock;
import java.time.Instant;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;

/**
 * A saved, re-evaluable selection of contacts or accounts: a name, the audience and a rule. The segment stores no
 * members; whoever meets the rule at evaluation time is in it. Not thread-safe.
 */
public final class Segment extends AggregateRoot<SegmentId> {

    private String name;
    private final SegmentAudience audience;
    private SegmentRule rule;
    private final Instant definedAt;
    private final UserId owner;

    private Segment(SegmentState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = validName(state.name());
        this.audience = Require.notNull(state.audience(), "audience");
        this.rule = Require.notNull(state.rule(), "rule");
        this.definedAt = Require.notNull(state.definedAt(), "definedAt");
        this.owner = state.owner();
    }

    /**
     * Defines a segment owned by {@code owner} (null: none, only administrators and the users it is shared with reach
     * it where the sharing model restricts segments) and records {@link SegmentDefined}.
     */
    public static Segment define(
            TenantId tenant,
            SegmentId id,
            String name,
            SegmentAudience audience,
            SegmentRule rule,
            UserId owner,
            Clock clock) {
        Require.notNull(clock, "clock");
        Instant now = clock.instant();
        Segment segment = new Segment(new SegmentState(
                tenant,
                id,
                0,
                validName(name),
                Require.notNull(audience, "audience"),
                Require.notNull(rule, "rule"),
                now,
                owner));
        segment.record(new SegmentDefined(tenant, id.value(), now, segment.name, audience, rule));
        return segment;
    }

    public static Segment restore(SegmentState state) {
        return new Segment(Require.notNull(state, "state"));
    }

    public SegmentState state() {
        return new SegmentState(tenant(), id(), version(), name, audience, rule, definedAt, owner);
    }

    private static String validName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 200, "name");
    }

    public void rename(String newName, Clock clock) {
        String valid = validName(newName);
        Require.notNull(clock, "clock");
        if (!valid.equals(name)) {
            name = valid;
            record(new SegmentChanged(tenant(), id().value(), clock.instant(), name, rule));
        }
    }

    public void changeRule(SegmentRule newRule, Clock clock) {
        Require.notNull(newRule, "rule");
        Require.notNull(clock, "clock");
        if (!newRule.equals(rule)) {
            rule = newRule;
            record(new SegmentChanged(tenant(), id().value(), clock.instant(), name, rule));
        }
    }

    /**
     * Whether the contact meets the rule (regardless of the audience); a rule on customer scores is refused (field
     * {@code rule}): test {@code rule().matches(contact, score)} with the contact's score.
     */
    public boolean matches(Contact contact) {
        return rule.matches(Require.notNull(contact, "contact"));
    }

    /** As {@link #matches(Contact)}, for an account. */
    public boolean matches(Account account) {
        return rule.matches(Require.notNull(account, "account"));
    }

    public String name() {
        return name;
    }

    public SegmentAudience audience() {
        return audience;
    }

    public SegmentRule rule() {
        return rule;
    }

    public Instant definedAt() {
        return definedAt;
    }

    /** The user who owns the segment definition, or null when none does. */
    public UserId owner() {
        return owner;
    }
}
