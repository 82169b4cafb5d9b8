package org.crmkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The example application started as it runs, on a random port of the loopback, and used over HTTP as a client
 * would: a user, an account, an invoice thirty days overdue, and the dunning reminder the scheduled workflow run
 * sends by email.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "crmkit.workflow.schedule=200ms",
            "spring.datasource.url=jdbc:h2:mem:example-test;DB_CLOSE_DELAY=-1",
            "server.address=127.0.0.1"
        })
class CrmkitExampleApplicationTest {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOverdueInvoiceIsDunnedByTheScheduledRunAndTheReminderSentByEmail() {
        String ada = post("/users", "{\"name\": \"Ada Sales\", \"email\": \"ada@example.com\"}", 201);
        String ownerId = JsonPath.read(ada, "$.id");
        String acme = post(
                "/accounts",
                "{\"name\": \"ACME GmbH\", \"owner\": \"" + ownerId + "\", \"billingEmail\": \"ap@acme.example\"}",
                201);
        String accountId = JsonPath.read(acme, "$.id");
        assertThat((String) JsonPath.read(get("/accounts/" + accountId, 200), "$.name"))
                .isEqualTo("ACME GmbH");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String invoice = post(
                "/accounts/" + accountId + "/invoices",
                "{\"number\": \"2026-001\", \"issueDate\": \"" + today.minusDays(44) + "\", \"dueDate\": \""
                        + today.minusDays(30) + "\", \"currency\": \"EUR\", \"amount\": 1200.00}",
                201);
        assertThat((String) JsonPath.read(invoice, "$.total")).contains("1200.00");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> to = JsonPath.read(get("/messages", 200), "$[*].to");
            assertThat(to).contains("ap@acme.example");
        });
        List<Integer> levels = JsonPath.read(get("/accounts/" + accountId + "/dunning", 200), "$[*].level");
        assertThat(levels).singleElement().satisfies(level -> assertThat(level).isPositive());
    }

    @Test
    void anUnknownAccountIsNotFoundWithCrmkitsCode() {
        String problem = get("/accounts/" + UUID.randomUUID(), 404);
        assertThat((String) JsonPath.read(problem, "$.code")).isEqualTo(ErrorCode.NOT_FOUND.code());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String problem = post("/users", "{\"name\": \"Bo\", \"email\": \"not an address\"}", 400);
        assertThat((String) JsonPath.read(problem, "$.message")).contains("email");
    }

    @Test
    void crmkitsMetricsAreServedByTheActuator() {
        post("/users", "{\"name\": \"Cem Ops\", \"email\": \"cem@example.com\"}", 201);

        String storage = get("/actuator/metrics/crmkit.storage?tag=port:users&tag=method:save", 200);
        assertThat((List<Double>) JsonPath.read(storage, "$.measurements[?(@.statistic == 'COUNT')].value"))
                .singleElement()
                .satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                (String) JsonPath.read(get("/actuator/metrics/crmkit.workflow.run", 200), "$.name"))
                        .isEqualTo("crmkit.workflow.run"));
    }

    private String get(String path, int expectedStatus) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), expectedStatus);
    }

    private String post(String path, String json, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                expectedStatus);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(request, (name, value) -> true)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("%s %s: %s", request.method(), request.uri(), response.body())
                    .isEqualTo(expectedStatus);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("the application did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while calling " + request.uri(), e);
        }
    }
}
