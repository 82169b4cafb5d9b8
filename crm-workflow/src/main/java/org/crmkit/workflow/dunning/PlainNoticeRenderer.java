package org.crmkit.workflow.dunning;

import java.util.Locale;
import org.crmkit.core.common.Money;

/**
 * The default renderer: plain text in English, or in German for German-speaking recipients, listing every invoice
 * with its level and the interest calculation, then each part of the whole claim (open balance, this notice's fee,
 * all fees charged, interest, flat compensation) with amounts in the currency's minor unit, the total and the
 * deadline. The
 * template name is not used; hosts with templates plug in their own {@link NoticeRenderer}.
 */
final class PlainNoticeRenderer implements NoticeRenderer {

    @Override
    public RenderedNotice render(Notice notice) {
        boolean german = notice.language().getLanguage().equals(Locale.GERMAN.getLanguage());
        String subject = german
                ? (notice.level() == 1 ? "Zahlungserinnerung" : notice.level() + ". Mahnung") + " - "
                        + notice.accountName()
                : (notice.level() == 1 ? "Payment reminder" : "Reminder no. " + notice.level()) + " - "
                        + notice.accountName();
        StringBuilder body = new StringBuilder();
        body.append(german ? "Guten Tag " : "Dear ").append(notice.recipient()).append(",\n\n");
        body.append(german ? "folgende Rechnungen sind offen:\n" : "the following invoices are overdue:\n");
        Claim claim = notice.claim();
        for (Claim.Line line : claim.lines()) {
            body.append("  ")
                    .append(line.invoice())
                    .append(german ? ", fällig am " : ", due ")
                    .append(line.dueDate())
                    .append(", ")
                    .append(line.balance().rounded())
                    .append(german ? ", Stufe " : ", level ")
                    .append(line.level())
                    .append('\n');
            for (InterestRule.InterestPeriod period : line.interest().periods()) {
                body.append("    ")
                        .append(german ? "Zinsen " : "interest ")
                        .append(period.from())
                        .append(" - ")
                        .append(period.to())
                        .append(": ")
                        .append(period.days())
                        .append(german ? " Tage, " : " days, ")
                        .append(period.balance().rounded())
                        .append(" x ")
                        .append(period.ratePercent().toPlainString())
                        .append(" % / ")
                        .append(line.interest().dayCount().daysPerYear())
                        .append(" = ")
                        .append(period.amount().rounded())
                        .append('\n');
            }
        }
        body.append(german ? "Offener Betrag: " : "Open balance: ")
                .append(claim.balance())
                .append('\n');
        appendAmount(body, german ? "Gebühr dieser Mahnung" : "Fee of this notice", notice.fee());
        appendAmount(body, german ? "Gebühren insgesamt" : "Fees charged", claim.fees());
        appendAmount(body, german ? "Verzugszinsen" : "Interest", claim.interest());
        appendAmount(body, german ? "Verzugspauschale" : "Flat compensation", claim.compensation());
        body.append(german ? "Gesamtbetrag: " : "Total due: ")
                .append(claim.total())
                .append('\n');
        body.append('\n')
                .append(german ? "Bitte zahlen Sie bis zum " : "Please pay by ")
                .append(notice.paymentDeadline())
                .append(".\n");
        return new RenderedNotice(subject, body.toString());
    }

    private static void appendAmount(StringBuilder body, String label, Money amount) {
        if (amount.isPositive()) {
            body.append(label).append(": ").append(amount.rounded()).append('\n');
        }
    }
}
