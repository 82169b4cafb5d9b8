package org.crmkit.testkit.workflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.webhook.WebhookSignature;

/**
 * A webhook endpoint for tests: a real HTTP server (the JDK's) on the loopback interface at a free port, that
 * records every POST it receives, checks its signature as a receiver would ({@link WebhookSignature#verify} with the
 * secret, the receiver's clock and five minutes' tolerance), and answers with the status its responder picks
 * (200 by default), after an optional delay (an endpoint slower than the sender's timeout). Close it after the
 * test. Thread-safe.
 */
public final class LoopbackWebhookReceiver implements AutoCloseable {

    /** A POST as received: its headers of interest, its body, and whether its signature checked out. */
    public record Received(String deliveryId, String eventType, String signature, String body, boolean signedRight) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final String secret;
    private final Clock clock;
    private final List<Received> received = new ArrayList<>();
    private volatile ToIntFunction<Received> responder = request -> 200;
    private volatile Duration delay = Duration.ZERO;

    private LoopbackWebhookReceiver(String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver that checks signatures with {@code secret} at the time of {@code clock}. */
    public static LoopbackWebhookReceiver start(String secret, Clock clock) throws IOException {
        return new LoopbackWebhookReceiver(Require.notBlank(secret, "secret"), Require.notNull(clock, "clock"));
    }

    /** The URL to subscribe. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/hooks");
    }

    /** Answers each POST with the status the responder picks for it (it sees the POST as received). */
    public void answer(ToIntFunction<Received> responder) {
        this.responder = Require.notNull(responder, "responder");
    }

    /** Waits this long before answering each POST. */
    public void delay(Duration delay) {
        this.delay = Require.notNull(delay, "delay");
    }

    /** Every POST received so far, in the order they arrived, whatever was answered. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
            Instant now = clock.instant();
            Received request = new Received(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
                    signature,
                    body,
                    WebhookSignature.verify(secret, signature, body, now, Duration.ofMinutes(5)));
            synchronized (this) {
                received.add(request);
            }
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            exchange.sendResponseHeaders(responder.applyAsInt(request), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
