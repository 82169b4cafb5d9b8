package org.crmkit.workflow.dunning;

import java.util.HashMap;
import java.util.Map;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;

/** Renders every notice through the {@code dunning-notice} template of a {@link TemplateRenderer}. */
final class TemplateNoticeRenderer implements NoticeRenderer {

    static final String TEMPLATE = "dunning-notice";

    private final TemplateRenderer templates;

    TemplateNoticeRenderer(TemplateRenderer templates) {
        this.templates = templates;
    }

    @Override
    public RenderedNotice render(Notice notice) {
        Claim claim = notice.claim();
        Map<String, String> values = new HashMap<>();
        values.put("level", Integer.toString(notice.level()));
        values.put("levelTemplate", notice.template());
        values.put("accountName", notice.accountName() == null ? "" : notice.accountName());
        values.put("recipient", notice.recipient() == null ? notice.accountName() : notice.recipient());
        values.put("invoiceCount", Integer.toString(claim.lines().size()));
        values.put("balance", claim.balance().rounded().toString());
        values.put("fee", notice.fee().rounded().toString());
        values.put("fees", claim.fees().rounded().toString());
        values.put("interest", claim.interest().rounded().toString());
        values.put("total", claim.total().rounded().toString());
        values.put("date", notice.date().toString());
        values.put("paymentDeadline", notice.paymentDeadline().toString());
        values.values().removeIf(value -> value == null);
        RenderedMessage text = templates.render(TEMPLATE, notice.language(), values);
        return new RenderedNotice(text.subject(), text.body());
    }
}
