package org.crmkit.core.service;

import java.time.Clock;
import java.time.Instant;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A customer's complaint or request ("case"), worked through NEW, IN_PROGRESS, WAITING (on the customer),
 * RESOLVED and CLOSED as {@link CaseStatus} allows; any other move throws an {@link IllegalTransitionException}
 * naming both statuses.
 *
 * <p>On opening, the {@link ServiceLevel} policy sets a first-response and a resolution due time from the opening
 * time and the priority; a priority change recomputes both from the opening time, and a reopened case keeps them.
 * The first response is the first {@link #respond} or the resolution, whichever comes first. Not thread-safe.
 */
public final class ServiceCase extends AggregateRoot<CaseId> {

    private static final String TYPE = "ServiceCase";

    private final AccountId account;
    private final ContactId contact;
    private final String subject;
    private final String description;
    private final CaseChannel channel;
    private final CaseCategory category;
    private CasePriority priority;
    private CaseStatus status;
    private UserId assignee;
    private final Instant openedAt;
    private final Actor openedBy;
    private Instant firstResponseDueAt;
    private Instant resolutionDueAt;
    private Instant firstRespondedAt;
    private String resolution;
    private Instant resolvedAt;
    private Instant closedAt;
    private int reopenCount;

    private ServiceCase(ServiceCaseState state) {
        super(state.tenant(), state.id(), state.version());
        this.account = state.account();
        this.contact = state.contact();
        this.subject = state.subject();
        this.description = state.description();
        this.channel = state.channel();
        this.category = state.category();
        this.priority = state.priority();
        this.status = state.status();
        this.assignee = state.assignee();
        this.openedAt = state.openedAt();
        this.openedBy = state.openedBy();
        this.firstResponseDueAt = state.firstResponseDueAt();
        this.resolutionDueAt = state.resolutionDueAt();
        this.firstRespondedAt = state.firstRespondedAt();
        this.resolution = state.resolution();
        this.resolvedAt = state.resolvedAt();
        this.closedAt = state.closedAt();
        this.reopenCount = state.reopenCount();
    }

    /** Opens a NEW, unassigned case with due times from the policy. */
    public static ServiceCase open(
            TenantId tenant, CaseId id, NewCase details, ServiceLevel serviceLevel, Actor actor, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(serviceLevel, "serviceLevel");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        ServiceTargets targets = serviceLevel.targetsFor(details.priority());
        ServiceCase serviceCase = new ServiceCase(new ServiceCaseState(
                tenant,
                id,
                0,
                details.account(),
                details.contact(),
                details.subject(),
                details.description(),
                details.channel(),
                details.category(),
                details.priority(),
                CaseStatus.NEW,
                null,
                now,
                actor,
                now.plus(targets.firstResponse()),
                now.plus(targets.resolution()),
                null,
                null,
                null,
                null,
                0));
        serviceCase.record(new CaseOpened(
                tenant,
                id.value(),
                now,
                details.account(),
                details.contact(),
                details.subject(),
                details.channel(),
                details.category(),
                details.priority(),
                serviceCase.firstResponseDueAt,
                serviceCase.resolutionDueAt,
                actor.id()));
        return serviceCase;
    }

    /** Rebuilds a case from its stored state; records no event. */
    public static ServiceCase restore(ServiceCaseState state) {
        return new ServiceCase(Require.notNull(state, "state"));
    }

    public ServiceCaseState state() {
        return new ServiceCaseState(
                tenant(),
                id(),
                version(),
                account,
                contact,
                subject,
                description,
                channel,
                category,
                priority,
                status,
                assignee,
                openedAt,
                openedBy,
                firstResponseDueAt,
                resolutionDueAt,
                firstRespondedAt,
                resolution,
                resolvedAt,
                closedAt,
                reopenCount);
    }

    /** Gives an open case to a user; refused for the current assignee and for resolved or closed cases. */
    public void assign(UserId newAssignee, Actor actor, Clock clock) {
        Require.notNull(newAssignee, "assignee");
        Require.notNull(actor, "actor");
        requireOpen("be assigned");
        Require.that(!newAssignee.equals(assignee), "assignee", "the case is already assigned to " + newAssignee);
        UserId previous = assignee;
        assignee = newAssignee;
        record(new CaseAssigned(tenant(), id().value(), clock.instant(), previous, newAssignee, actor.id()));
    }

    /** Takes a NEW case into work, or resumes a WAITING one: to IN_PROGRESS. Resolved cases are reopened instead. */
    public void startWork(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        if (!status.isOpen()) {
            throw new IllegalTransitionException(TYPE + " cannot go from " + status + " to " + CaseStatus.IN_PROGRESS
                    + " by starting work; reopen it");
        }
        changeStatus(CaseStatus.IN_PROGRESS, actor, clock);
    }

    /** Puts the case on hold until the customer answers: to WAITING. */
    public void waitForCustomer(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        changeStatus(CaseStatus.WAITING, actor, clock);
    }

    /**
     * Records a response to the customer on an open case. The first one is the first response of the service level;
     * a NEW case goes IN_PROGRESS.
     */
    public void respond(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        requireOpen("be responded to");
        boolean first = firstRespondedAt == null;
        if (first) {
            firstRespondedAt = now;
        }
        record(new CaseResponded(tenant(), id().value(), now, first, actor.id()));
        if (status == CaseStatus.NEW) {
            changeStatus(CaseStatus.IN_PROGRESS, actor, clock);
        }
    }

    /** Resolves an open case with the resolution text (required); it counts as first response if none was made. */
    public void resolve(String resolutionText, Actor actor, Clock clock) {
        String text = Require.maxLength(Require.notBlank(resolutionText, "resolution"), NewCase.MAX_TEXT, "resolution");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        moveTo(CaseStatus.RESOLVED);
        resolution = text;
        resolvedAt = now;
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
        record(new CaseResolved(tenant(), id().value(), now, text, !now.isAfter(resolutionDueAt), actor.id()));
    }

    /** RESOLVED to CLOSED. */
    public void close(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        moveTo(CaseStatus.CLOSED);
        closedAt = now;
        record(new CaseClosed(tenant(), id().value(), now, actor.id()));
    }

    /**
     * RESOLVED or CLOSED back to IN_PROGRESS, forgetting the resolution. The due times stay those of the opening.
     *
     * @param reason optional, why the customer came back
     */
    public void reopen(String reason, Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        if (status.isOpen()) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and cannot be reopened");
        }
        CaseStatus from = status;
        moveTo(CaseStatus.IN_PROGRESS);
        resolution = null;
        resolvedAt = null;
        closedAt = null;
        reopenCount++;
        record(new CaseReopened(
                tenant(),
                id().value(),
                clock.instant(),
                from,
                Require.maxLength(Require.optional(reason), NewCase.MAX_TEXT, "reason"),
                actor.id()));
    }

    /** Changes the priority of an open case and recomputes both due times from the opening time. */
    public void changePriority(CasePriority newPriority, ServiceLevel serviceLevel, Clock clock) {
        Require.notNull(newPriority, "priority");
        Require.notNull(serviceLevel, "serviceLevel");
        requireOpen("change priority");
        Require.that(newPriority != priority, "priority", "the case already has priority " + newPriority);
        CasePriority from = priority;
        ServiceTargets targets = serviceLevel.targetsFor(newPriority);
        priority = newPriority;
        firstResponseDueAt = openedAt.plus(targets.firstResponse());
        resolutionDueAt = openedAt.plus(targets.resolution());
        record(new CasePriorityChanged(
                tenant(), id().value(), clock.instant(), from, newPriority, firstResponseDueAt, resolutionDueAt));
    }

    /**
     * Whether the first-response target is missed as of {@code asOf}: the first response came after its due time,
     * or there is none yet and the due time has passed.
     */
    public boolean isFirstResponseBreached(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return firstRespondedAt != null
                ? firstRespondedAt.isAfter(firstResponseDueAt)
                : asOf.isAfter(firstResponseDueAt);
    }

    /**
     * Whether the resolution target is missed as of {@code asOf}: the case was resolved after its due time, or it
     * is not resolved yet and the due time has passed.
     */
    public boolean isResolutionBreached(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return resolvedAt != null ? resolvedAt.isAfter(resolutionDueAt) : asOf.isAfter(resolutionDueAt);
    }

    private void changeStatus(CaseStatus target, Actor actor, Clock clock) {
        CaseStatus from = status;
        moveTo(target);
        record(new CaseStatusChanged(tenant(), id().value(), clock.instant(), from, target, actor.id()));
    }

    private void moveTo(CaseStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(TYPE, status, target);
        }
        status = target;
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and cannot " + action);
        }
    }

    /** The account the case comes from; null when only a contact is known. */
    public AccountId account() {
        return account;
    }

    /** The contact the case comes from; null when only an account is known. */
    public ContactId contact() {
        return contact;
    }

    public String subject() {
        return subject;
    }

    /** The description; null when none. */
    public String description() {
        return description;
    }

    public CaseChannel channel() {
        return channel;
    }

    public CaseCategory category() {
        return category;
    }

    public CasePriority priority() {
        return priority;
    }

    public CaseStatus status() {
        return status;
    }

    /** The user working on the case; null while unassigned. */
    public UserId assignee() {
        return assignee;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Actor openedBy() {
        return openedBy;
    }

    public Instant firstResponseDueAt() {
        return firstResponseDueAt;
    }

    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    /** When the customer first got a response; null when not yet. */
    public Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    /** How the case was resolved; null unless RESOLVED or CLOSED. */
    public String resolution() {
        return resolution;
    }

    /** null unless RESOLVED or CLOSED. */
    public Instant resolvedAt() {
        return resolvedAt;
    }

    /** null unless CLOSED. */
    public Instant closedAt() {
        return closedAt;
    }

    /** How many times the case was reopened. */
    public int reopenCount() {
        return reopenCount;
    }
}
