package org.crmkit.workflow.sequence;

import java.time.Instant;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;

/**
 * A contact's way through a follow-up sequence: the index of the next step, when it runs, the call task it waits
 * for, and how it ended. Immutable; each change returns the next state (stored with optimistic locking).
 *
 * @param nextStep    index of the next step to run; equal to the number of steps once completed
 * @param nextStepAt  when the next step runs (ACTIVE); the enrolment time, a wait's end, or a task's completion
 * @param waitingFor  the open call task (WAITING_FOR_TASK), otherwise null
 * @param endReason   why it ended (ENDED), otherwise null
 * @param finishedAt  when it completed or ended, otherwise null
 */
public record Enrolment(
        EnrolmentId id,
        TenantId tenant,
        String sequence,
        ContactId contact,
        EnrolmentStatus status,
        int nextStep,
        Instant nextStepAt,
        TaskId waitingFor,
        EndReason endReason,
        Instant enrolledAt,
        Instant finishedAt,
        long version) {

    public Enrolment {
        Require.notNull(id, "id");
        Require.notNull(tenant, "tenant");
        Require.notBlank(sequence, "sequence");
        Require.notNull(contact, "contact");
        Require.notNull(status, "status");
        Require.notNegative(nextStep, "nextStep");
        Require.notNull(nextStepAt, "nextStepAt");
        Require.notNull(enrolledAt, "enrolledAt");
        Require.notNegative(version, "version");
    }

    static Enrolment start(EnrolmentId id, TenantId tenant, String sequence, ContactId contact, Instant at) {
        return new Enrolment(id, tenant, sequence, contact, EnrolmentStatus.ACTIVE, 0, at, null, null, at, null, 0);
    }

    /** The deduplication key of the action of step {@code step}. */
    String actionKey(int step) {
        return "sequence:" + id + ":step-" + step;
    }

    /** What the actions of this enrolment are grouped under, to cancel them when it ends. */
    String subject() {
        return "sequence:" + id;
    }

    Enrolment advancedTo(int step, Instant at) {
        return new Enrolment(
                id, tenant, sequence, contact, EnrolmentStatus.ACTIVE, step, at, null, null, enrolledAt, null, version);
    }

    Enrolment waitingFor(TaskId task, int step, Instant since) {
        return new Enrolment(
                id,
                tenant,
                sequence,
                contact,
                EnrolmentStatus.WAITING_FOR_TASK,
                step,
                since,
                task,
                null,
                enrolledAt,
                null,
                version);
    }

    Enrolment completed(int steps, Instant at) {
        return new Enrolment(
                id,
                tenant,
                sequence,
                contact,
                EnrolmentStatus.COMPLETED,
                steps,
                at,
                null,
                null,
                enrolledAt,
                at,
                version);
    }

    Enrolment ended(EndReason reason, Instant at) {
        return new Enrolment(
                id,
                tenant,
                sequence,
                contact,
                EnrolmentStatus.ENDED,
                nextStep,
                nextStepAt,
                null,
                Require.notNull(reason, "reason"),
                enrolledAt,
                at,
                version);
    }

    /** The same enrolment of another contact (a merge moved it to the survivor, an unmerge back). */
    Enrolment movedTo(ContactId newContact) {
        return new Enrolment(
                id,
                tenant,
                sequence,
                Require.notNull(newContact, "contact"),
                status,
                nextStep,
                nextStepAt,
                waitingFor,
                endReason,
                enrolledAt,
                finishedAt,
                version);
    }

    public Enrolment withVersion(long newVersion) {
        return new Enrolment(
                id,
                tenant,
                sequence,
                contact,
                status,
                nextStep,
                nextStepAt,
                waitingFor,
                endReason,
                enrolledAt,
                finishedAt,
                newVersion);
    }
}
