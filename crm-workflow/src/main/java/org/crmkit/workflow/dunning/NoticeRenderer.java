package org.crmkit.workflow.dunning;

import org.crmkit.core.common.Require;
import org.crmkit.core.spi.TemplateRenderer;

/**
 * Turns a dunning notice into text, per template and language (the host's template engine: FreeMarker, Thymeleaf,
 * a document service). Called inside the planning transaction, so it must not call out to slow systems; it must be
 * deterministic for the same notice. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface NoticeRenderer {

    RenderedNotice render(Notice notice);

    /**
     * A renderer that writes every notice with the template {@code dunning-notice} of {@code templates} in the
     * notice's language, given the values {@code level}, {@code levelTemplate} (the level's template name),
     * {@code accountName}, {@code recipient}, {@code invoiceCount}, {@code balance}, {@code fee}, {@code fees},
     * {@code interest}, {@code total} (amounts as {@code "EUR 12.50"}), {@code date} and {@code paymentDeadline}
     * (ISO dates). With {@code LocalizedTemplates.defaults()} notices come out in English, German, Polish, Russian,
     * Finnish or Chinese with the locale's plural, date and money formats.
     */
    static NoticeRenderer fromTemplates(TemplateRenderer templates) {
        return new TemplateNoticeRenderer(Require.notNull(templates, "templates"));
    }
}
