package org.crmkit.workflow.dunning;

import org.crmkit.core.common.Require;

/** A notice as text: the subject line and the body. */
public record RenderedNotice(String subject, String body) {

    public RenderedNotice {
        subject = Require.maxLength(Require.notBlank(subject, "subject"), 200, "subject");
        body = Require.notBlank(body, "body");
    }
}
