package org.crmkit.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code crmkit.*} properties of the starter. Every one has a default; an application that defines its own bean
 * of a kind (a {@code TenantResolver}, a {@code WorkflowRuntime}, ...) configures that bean itself instead.
 */
@ConfigurationProperties(prefix = "crmkit")
public class CrmkitProperties {

    /** The tenant of every call when the application defines no TenantResolver bean. */
    private String tenant = "default";

    /**
     * How many times crmkit's relay tries to hand a committed domain event to the listeners before it keeps the
     * event as a dead letter (crm.events()).
     */
    private int eventDeliveryAttempts = 10;

    private final Events events = new Events();

    private final Schema schema = new Schema();

    private final Workflow workflow = new Workflow();

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public int getEventDeliveryAttempts() {
        return eventDeliveryAttempts;
    }

    public void setEventDeliveryAttempts(int eventDeliveryAttempts) {
        this.eventDeliveryAttempts = eventDeliveryAttempts;
    }

    public Events getEvents() {
        return events;
    }

    public Schema getSchema() {
        return schema;
    }

    public Workflow getWorkflow() {
        return workflow;
    }

    /** {@code crmkit.events.*}: crmkit's domain events in the application. */
    public static class Events {

        /**
         * Whether crmkit's domain events are published as Spring application events (the DomainEvent records
         * themselves) after the change that recorded them has committed.
         */
        private boolean publish = true;

        public boolean isPublish() {
            return publish;
        }

        public void setPublish(boolean publish) {
            this.publish = publish;
        }
    }

    /** {@code crmkit.schema.*}: crmkit's tables. */
    public static class Schema {

        /**
         * Whether crmkit's tables are created and upgraded with the application's Flyway (on its data source, from
         * classpath:db/migration/crmkit/postgresql or .../h2, with a history table of their own) before the
         * EntityManagerFactory starts. Without Flyway the tables must exist; the start is refused when they do not.
         */
        private boolean migrate = true;

        /** The Flyway history table of crmkit's migrations, apart from the application's own. */
        private String historyTable = "crmkit_schema_history";

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public String getHistoryTable() {
            return historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }
    }

    /** {@code crmkit.workflow.*}: crm-workflow's runtime. */
    public static class Workflow {

        /** Whether a WorkflowRuntime is built (from the Workflow and MessageChannel beans of the application). */
        private boolean enabled = true;

        /**
         * The delay between two runs of the workflows (runDue) on Spring's task scheduler, e.g. 5m; unset, nothing
         * runs them unless the application does.
         */
        private Duration schedule;

        /** How many threads call the application's MessageChannels for the actions of one dispatched batch. */
        private int deliveryThreads = 1;

        /**
         * How long a dispatcher may work on a claimed action before another node may take it up; longer than the
         * slowest channel call.
         */
        private Duration lease = Duration.ofMinutes(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getSchedule() {
            return schedule;
        }

        public void setSchedule(Duration schedule) {
            this.schedule = schedule;
        }

        public int getDeliveryThreads() {
            return deliveryThreads;
        }

        public void setDeliveryThreads(int deliveryThreads) {
            this.deliveryThreads = deliveryThreads;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }
    }
}
