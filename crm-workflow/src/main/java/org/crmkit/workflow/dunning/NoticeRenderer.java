package org.crmkit.workflow.dunning;

/**
 * Turns a dunning notice into text, per template and language (the host's template engine: FreeMarker, Thymeleaf,
 * a document service). Called inside the planning transaction, so it must not call out to slow systems; it must be
 * deterministic for the same notice. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface NoticeRenderer {

    RenderedNotice render(Notice notice);
}
