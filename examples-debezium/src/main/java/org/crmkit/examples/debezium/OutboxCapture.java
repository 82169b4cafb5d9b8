package org.crmkit.examples.debezium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.Header;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * crmkit's domain events read from its outbox table ({@code crm_outbox}) by Debezium's embedded engine, as a host
 * that streams them to Kafka (or anywhere else) does: the PostgreSQL connector reads the inserts from the write-ahead
 * log (logical decoding with {@code pgoutput}), and Debezium's outbox event router turns each row into an event on
 * the topic {@code outbox.event.<aggregate type>}, keyed by the aggregate's id, with the event id and type in
 * headers and crmkit's event JSON as the value. crmkit needs nothing of it: the outbox row is written in the
 * transaction of the change, with the columns the router reads by default.
 *
 * <p>The database must run with {@code wal_level=logical}, and the user may create a replication slot.
 */
public final class OutboxCapture implements AutoCloseable {

    /** One event as the router hands it on: where it goes, its key, its id and type, and crmkit's JSON. */
    public record RoutedEvent(
            String topic, String key, String eventId, String eventType, String tenant, JsonNode payload) {}

    /** Where the database is. */
    public record Database(String host, int port, String name, String user, String password) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLICATION = "crmkit_outbox";

    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService runner;

    private OutboxCapture(DebeziumEngine<ChangeEvent<String, String>> engine, ExecutorService runner) {
        this.engine = engine;
        this.runner = runner;
    }

    /**
     * Starts reading the outbox from now on (rows written before the start are not read: a host that needs them
     * takes a snapshot, {@code snapshot.mode=initial}) and returns once the connector streams, so that every event
     * committed after this call reaches {@code sink}, in commit order, on the engine's thread.
     */
    public static OutboxCapture start(Database database, String slotName, Consumer<RoutedEvent> sink) {
        createPublication(database);
        CountDownLatch streaming = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class, Json.class, Json.class)
                .using(properties(database, slotName))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        streaming.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                    }
                    streaming.countDown();
                })
                .notifying(change -> sink.accept(routed(change)))
                .build();
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "crmkit-outbox-capture"));
        runner.execute(engine);
        try {
            if (!streaming.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Debezium's PostgreSQL connector did not start within 60 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Debezium's connector started", e);
        }
        if (failure.get() != null) {
            runner.shutdownNow();
            throw new IllegalStateException(
                    "Debezium's connector stopped: " + failure.get().getMessage(), failure.get());
        }
        return new OutboxCapture(engine, runner);
    }

    /**
     * The publication the connector reads: crmkit's outbox table, inserts only. crmkit's own relay marks rows as
     * published and an erasure pseudonymises stored events, both by updates, which the outbox router would only
     * warn about; and an event already streamed is the consumer's to erase (docs/running-on-postgresql.md).
     */
    private static void createPublication(Database database) {
        String url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
        try (Connection connection = DriverManager.getConnection(url, database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet existing =
                        statement.executeQuery("select 1 from pg_publication where pubname = '" + PUBLICATION + "'")) {
            if (!existing.next()) {
                statement.execute(
                        "create publication " + PUBLICATION + " for table crm_outbox with (publish = 'insert')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the publication " + PUBLICATION + ": " + e.getMessage(), e);
        }
    }

    private static Properties properties(Database database, String slotName) {
        Properties properties = new Properties();
        properties.setProperty("name", "crmkit-outbox");
        properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("offset.flush.interval.ms", "1000");
        properties.setProperty("database.hostname", database.host());
        properties.setProperty("database.port", Integer.toString(database.port()));
        properties.setProperty("database.user", database.user());
        properties.setProperty("database.password", database.password());
        properties.setProperty("database.dbname", database.name());
        properties.setProperty("topic.prefix", "crmkit");
        properties.setProperty("plugin.name", "pgoutput");
        properties.setProperty("slot.name", slotName);
        properties.setProperty("publication.name", PUBLICATION);
        properties.setProperty("publication.autocreate.mode", "disabled");
        properties.setProperty("snapshot.mode", "no_data");
        properties.setProperty("table.include.list", "public.crm_outbox");
        // the outbox event router: id, aggregatetype, aggregateid, type and payload are its default columns
        properties.setProperty("transforms", "outbox");
        properties.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        properties.setProperty(
                "transforms.outbox.table.fields.additional.placement", "type:header:eventType,tenant_id:header:tenant");
        properties.setProperty("converter.schemas.enable", "false");
        properties.setProperty("header.converter.schemas.enable", "false");
        return properties;
    }

    private static RoutedEvent routed(ChangeEvent<String, String> change) {
        Map<String, String> headers = new HashMap<>();
        for (Header<Object> header : change.<Object>headers()) {
            headers.put(header.getKey(), text(header.getValue()));
        }
        return new RoutedEvent(
                change.destination(),
                text(change.key()),
                headers.get("id"),
                headers.get("eventType"),
                headers.get("tenant"),
                payload(change.value()));
    }

    /** A key, header or value as the JSON converter wrote it: a JSON string is unwrapped to its text. */
    private static String text(Object converted) {
        if (converted == null) {
            return null;
        }
        String written =
                converted instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : converted.toString();
        try {
            JsonNode node = JSON.readTree(written);
            return node.isTextual() ? node.asText() : written;
        } catch (IOException e) {
            return written;
        }
    }

    /** crmkit's event JSON: the {@code jsonb} column arrives as a JSON string holding the document. */
    private static JsonNode payload(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.isTextual() ? JSON.readTree(node.asText()) : node;
        } catch (IOException e) {
            throw new UncheckedIOException("the routed event's value is not JSON: " + value, e);
        }
    }

    /** Stops the engine; the replication slot stays in the database until the host drops it. */
    @Override
    public void close() {
        try {
            engine.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop Debezium's engine", e);
        } finally {
            runner.shutdown();
        }
    }
}
