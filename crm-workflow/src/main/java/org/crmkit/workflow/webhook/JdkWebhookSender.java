package org.crmkit.workflow.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.crmkit.workflow.DeliveryInterruptedException;

/** {@link WebhookSender#http}: posts through one shared {@link HttpClient}. */
final class JdkWebhookSender implements WebhookSender {

    private final HttpClient client;

    JdkWebhookSender(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public int post(WebhookRequest request) throws IOException {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.endpoint())
                .timeout(request.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(http::header);
        try {
            return client.send(http.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryInterruptedException("interrupted while posting a webhook to " + request.endpoint(), e);
        }
    }
}
