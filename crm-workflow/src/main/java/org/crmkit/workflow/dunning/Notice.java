package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.Locale;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.Channel;

/**
 * What a dunning notice says, before a {@code NoticeRenderer} turns it into text: the level and template, the
 * recipient, the fee of this notice, the new payment deadline and the case's whole {@link Claim} on the notice's
 * day (every invoice with its level and interest calculation, the open balance, all fees charged so far, the
 * interest and every flat compensation claimed so far, and their total).
 */
public record Notice(
        String template,
        int level,
        Locale language,
        String accountName,
        String recipient,
        Channel channel,
        LocalDate date,
        LocalDate paymentDeadline,
        Money fee,
        Claim claim) {

    public Notice {
        Require.notBlank(template, "template");
        Require.notNull(language, "language");
        Require.notNull(fee, "fee");
        Require.notNull(claim, "claim");
    }
}
