package org.crmkit.workflow.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * One POST of a webhook as the {@link WebhookSender} makes it: the endpoint, the headers (content type, signature,
 * delivery id, event type), the JSON body, and how long to wait for the answer in all. Immutable.
 */
public record WebhookRequest(URI endpoint, Map<String, String> headers, String body, Duration timeout) {

    public WebhookRequest {
        Require.notNull(endpoint, "endpoint");
        headers = Map.copyOf(Require.notNull(headers, "headers"));
        Require.notNull(body, "body");
        Require.notNull(timeout, "timeout");
        Require.that(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive, was " + timeout);
    }
}
