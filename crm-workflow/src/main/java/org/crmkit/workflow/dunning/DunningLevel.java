package org.crmkit.workflow.dunning;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;
import org.crmkit.workflow.action.Channel;

/**
 * One step of a {@link DunningPolicy}, as the policy validated it: when it is reached ({@code offsetDays} from the
 * {@link OffsetBase}), under which {@link DunningConditions}, and what happens then: a notice on the first usable of
 * {@code noticeChannels} (empty: none) with a new payment deadline, a call-queue task, the lawyer's hand-off, a
 * credit hold on the account, and a fee. Build levels with {@link #daysAfterDue} or {@link #daysAfterPreviousNotice}.
 *
 * @param number the level's position in its policy, from 1
 */
public record DunningLevel(
        int number,
        int offsetDays,
        OffsetBase base,
        List<Channel> noticeChannels,
        String template,
        int paymentDeadlineDays,
        CallTask callTask,
        boolean legalHandOff,
        boolean creditHold,
        Money fee,
        DunningConditions conditions) {

    public DunningLevel {
        noticeChannels = List.copyOf(noticeChannels);
    }

    /** Starts a level reached {@code days} after the due date (negative: a courtesy reminder before it). */
    public static Builder daysAfterDue(int days) {
        return new Builder(days, OffsetBase.DUE_DATE);
    }

    /** Starts a level reached {@code days} after the previous level was reached. */
    public static Builder daysAfterPreviousNotice(int days) {
        return new Builder(days, OffsetBase.PREVIOUS_NOTICE);
    }

    public boolean sendsNotice() {
        return !noticeChannels.isEmpty();
    }

    /** Collects a level's settings; {@link DunningPolicy.Builder#build()} validates them with the policy's currency. */
    public static final class Builder {

        final int offsetDays;
        final OffsetBase base;
        final List<Channel> channels = new ArrayList<>();
        String template;
        int paymentDeadlineDays = 14;
        CallTask callTask;
        boolean legalHandOff;
        boolean creditHold;
        Object fee;
        Object minimumOverdueBalance;
        int minimumOverdueInvoices;
        int minimumDaysOverdue;

        private Builder(int offsetDays, OffsetBase base) {
            this.offsetDays = offsetDays;
            this.base = base;
        }

        /**
         * Sends a notice on the first channel that has an address and consent, in the given order (e.g. email,
         * then letter when there is no email address or no consent for email).
         */
        public Builder notice(Channel first, Channel... fallbacks) {
            channels.add(first);
            channels.addAll(List.of(fallbacks));
            return this;
        }

        /** The template the renderer uses for the notice; defaults to {@code dunning-level-<n>}. */
        public Builder template(String template) {
            this.template = template;
            return this;
        }

        /** The new payment deadline printed on the notice, in days from the notice; defaults to 14. */
        public Builder paymentDeadline(int days) {
            this.paymentDeadlineDays = days;
            return this;
        }

        /** Queues a call for {@code assignee}, due {@code dueInDays} after the level is reached. */
        public Builder callTask(UserId assignee, int dueInDays) {
            this.callTask = new CallTask(assignee, null, dueInDays, TaskPriority.HIGH);
            return this;
        }

        /** Queues a call for the lead of {@code team} (the account's owner when it has none), due {@code dueInDays} after. */
        public Builder callTaskForTeam(TeamId team, int dueInDays) {
            this.callTask = new CallTask(null, team, dueInDays, TaskPriority.HIGH);
            return this;
        }

        /** Queues a call for the account's owner, due {@code dueInDays} after the level is reached. */
        public Builder callTaskForAccountOwner(int dueInDays) {
            this.callTask = new CallTask(null, null, dueInDays, TaskPriority.HIGH);
            return this;
        }

        /** Hands the case over to the lawyer with its dossier. */
        public Builder legalHandOff() {
            this.legalHandOff = true;
            return this;
        }

        /** Places the account on credit hold (the host reads it) until the case closes. */
        public Builder creditHold() {
            this.creditHold = true;
            return this;
        }

        /** A fee charged with this level, in the policy's currency, e.g. {@code "5.00"}. */
        public Builder fee(String amount) {
            this.fee = amount;
            return this;
        }

        public Builder fee(Money amount) {
            this.fee = amount;
            return this;
        }

        /** Reached only while the case's overdue balance is at least this, in the policy's currency. */
        public Builder minimumOverdueBalance(String amount) {
            this.minimumOverdueBalance = amount;
            return this;
        }

        /** Reached only while the case has at least this many overdue invoices. */
        public Builder minimumOverdueInvoices(int count) {
            this.minimumOverdueInvoices = count;
            return this;
        }

        /** Reached only by invoices at least this many days overdue. */
        public Builder minimumDaysOverdue(int days) {
            this.minimumDaysOverdue = days;
            return this;
        }
    }
}
