package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.workflow.action.Channel;

/**
 * The named entries dunning adds to a case's audit history about what it did around the case: notices planned,
 * delivered, failed or sent again on another channel, calls queued, dossiers delivered, actions cancelled. Entries
 * carry the case's level at the time the log was taken. Only {@link DunningCase#log()} creates one.
 */
final class CaseLog {

    private final List<CaseEvent> history;
    private final int level;

    CaseLog(List<CaseEvent> history, int level) {
        this.history = history;
        this.level = level;
    }

    /** The step's notice could not be planned: no address with consent on any of its channels. */
    void noticeUndeliverable(LocalDate today, DunningStep step, List<Channel> channels) {
        history.add(new CaseEvent(
                today,
                CaseEventKind.NOTICE_UNDELIVERABLE,
                step.level(),
                step.moves().stream().map(DunningStep.Move::number).toList(),
                null,
                null,
                null,
                null,
                "no address with consent on " + channels,
                null));
    }

    /** A call was queued for the step, about the claim. */
    void callQueued(LocalDate today, int stepLevel, Claim claim, String detail) {
        history.add(new CaseEvent(
                today, CaseEventKind.CALL_QUEUED, stepLevel, List.of(), claim.total(), null, null, null, detail, null));
    }

    /** A notice was delivered on {@code channel}. */
    void noticeDelivered(LocalDate on, Channel channel, String detail) {
        history.add(new CaseEvent(
                on, CaseEventKind.NOTICE_DELIVERED, level, List.of(), null, null, null, channel, detail, null));
    }

    /** The dossier was delivered to the lawyer, with the claim it states. */
    void dossierDelivered(LocalDate on, Claim claim) {
        history.add(
                CaseEvent.of(on, CaseEventKind.HANDED_TO_LAWYER, level, List.of(), claim.total(), "dossier delivered"));
    }

    /** An action failed for good ({@code channel} null for one that is no message). */
    void deliveryFailed(LocalDate on, Channel channel, String detail) {
        history.add(new CaseEvent(
                on, CaseEventKind.DELIVERY_FAILED, level, List.of(), null, null, null, channel, detail, null));
    }

    /** The notice of {@code noticeLevel} goes out again on {@code channel} to {@code address}. */
    void fellBack(LocalDate on, int noticeLevel, Channel channel, String address) {
        history.add(new CaseEvent(
                on,
                CaseEventKind.CHANNEL_FALLBACK,
                noticeLevel,
                List.of(),
                null,
                null,
                null,
                channel,
                "falling back to " + channel + " to " + address,
                null));
    }

    /** Actions were cancelled before their delivery, as {@code described}. */
    void actionsCancelled(LocalDate today, String described) {
        history.add(CaseEvent.of(today, CaseEventKind.ACTIONS_CANCELLED, level, List.of(), null, described));
    }
}
