package org.crmkit.workflow.webhook;

import java.io.IOException;
import java.time.Duration;
import org.crmkit.core.common.Require;

/**
 * Posts a webhook and tells the HTTP status the endpoint answered. The default, {@link #http(Duration)}, uses the
 * JDK's {@code java.net.http.HttpClient}; a host replaces it to go through its own proxy or HTTP stack, or in tests.
 * Implementations are thread-safe: the runtime's delivery threads post for several subscriptions at once.
 */
@FunctionalInterface
public interface WebhookSender {

    /**
     * Posts the request and returns the status code of the answer (its body is not read). Throws
     * {@link IOException} when no answer came: the connection failed or the request's timeout passed
     * ({@code java.net.http.HttpTimeoutException}); the attempt then counts as failed.
     */
    int post(WebhookRequest request) throws IOException;

    /**
     * The JDK's HTTP client (HTTP/1.1, no redirects followed), giving up on a connection after
     * {@code connectTimeout}; each request's own timeout bounds the whole call.
     */
    static WebhookSender http(Duration connectTimeout) {
        Require.notNull(connectTimeout, "connectTimeout");
        Require.that(
                !connectTimeout.isNegative() && !connectTimeout.isZero(),
                "connectTimeout",
                "must be positive, was " + connectTimeout);
        return new JdkWebhookSender(connectTimeout);
    }
}
