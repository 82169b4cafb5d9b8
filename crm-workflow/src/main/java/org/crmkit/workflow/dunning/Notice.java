package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.Channel;

/**
 * What a dunning notice says, before a {@code NoticeRenderer} turns it into text: the level and template, the
 * recipient, every overdue invoice of the case with its level and interest calculation, the fee of this notice,
 * all fees charged, the interest, the flat compensation claimed now, the total claimed and the new payment deadline.
 */
public record Notice(String template, int level, Locale language, String accountName, String recipient,
                     Channel channel, LocalDate date, LocalDate paymentDeadline, List<Line> lines, Money fee,
                     Money feesCharged, Money interest, Money compensation, Money totalClaimed) {

    public Notice {
        Require.notBlank(template, "template");
        Require.notNull(language, "language");
        lines = List.copyOf(lines);
    }

    /** An invoice on the notice: its open balance, days overdue, level and the interest on it. */
    public record Line(String invoice, LocalDate dueDate, long daysOverdue, int level, Money balance,
                       InterestRule.InterestCalculation interest) {
    }
}
