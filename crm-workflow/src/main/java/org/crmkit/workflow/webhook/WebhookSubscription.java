package org.crmkit.workflow.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A receiver of the tenant's changes as webhooks, as data: where to post them, the secret they are signed with, which
 * event types it wants and the field values a changed record must have.
 *
 * <p>An event type is a record type and what happened to the record: {@code Account.changed} (created or changed:
 * the body carries its state), {@code Account.removed} (deleted, merged into another, or out of the reader's sight).
 * A subscription names event types, {@code Account.*} for both of a type, or {@code *} for every one.
 * {@code fieldEquals} narrows changed records to those whose state has each named top-level field at the given
 * value, compared as text (ids as their UUID, enums by name, e.g. {@code territory} → a territory id); removals of
 * the subscribed types always pass, as a removed record has no state left to compare. Immutable.
 *
 * @param secret         the shared secret of the HMAC-SHA256 signature (16 to 200 characters); stored as given, as
 *                       the signature needs it
 * @param disabledReason why it is {@link SubscriptionStatus#DISABLED}; null while active
 */
public record WebhookSubscription(
        TenantId tenant,
        WebhookSubscriptionId id,
        URI endpoint,
        String secret,
        Set<String> eventTypes,
        Map<String, String> fieldEquals,
        SubscriptionStatus status,
        String disabledReason,
        Instant createdAt,
        long version) {

    private static final Pattern EVENT_TYPE = Pattern.compile("\\*|[A-Z][A-Za-z]{0,63}\\.(\\*|changed|removed)");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    public WebhookSubscription {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(endpoint, "endpoint");
        Require.that(
                endpoint.isAbsolute()
                        && ("http".equalsIgnoreCase(endpoint.getScheme())
                                || "https".equalsIgnoreCase(endpoint.getScheme()))
                        && endpoint.getHost() != null,
                "endpoint",
                "must be an absolute http or https URL with a host, was '" + endpoint + "'");
        Require.that(endpoint.toString().length() <= 2000, "endpoint", "must be at most 2000 characters");
        Require.notBlank(secret, "secret");
        Require.that(
                secret.length() >= 16 && secret.length() <= 200,
                "secret",
                "must be 16 to 200 characters, was " + secret.length());
        eventTypes = Set.copyOf(Require.noNulls(eventTypes, "eventTypes"));
        Require.that(!eventTypes.isEmpty(), "eventTypes", "names at least one event type");
        for (String type : eventTypes) {
            Require.that(
                    EVENT_TYPE.matcher(type).matches(),
                    "eventTypes",
                    "'" + type + "' is not an event type such as Account.changed, Account.removed, Account.* or *");
        }
        fieldEquals = Map.copyOf(Require.notNull(fieldEquals, "fieldEquals"));
        fieldEquals.forEach((field, value) -> {
            Require.that(FIELD.matcher(field).matches(), "fieldEquals", "'" + field + "' is not a field name");
            Require.notNull(value, "fieldEquals." + field);
            Require.maxLength(value, 200, "fieldEquals." + field);
        });
        Require.notNull(status, "status");
        Require.that(
                (status == SubscriptionStatus.DISABLED) == (disabledReason != null),
                "disabledReason",
                "is given for disabled subscriptions and only for them");
        Require.notNull(createdAt, "createdAt");
        Require.notNegative(version, "version");
    }

    /** A new, active subscription (version 0, not stored yet). */
    public static WebhookSubscription create(
            TenantId tenant,
            WebhookSubscriptionId id,
            URI endpoint,
            String secret,
            Set<String> eventTypes,
            Map<String, String> fieldEquals,
            Instant now) {
        return new WebhookSubscription(
                tenant, id, endpoint, secret, eventTypes, fieldEquals, SubscriptionStatus.ACTIVE, null, now, 0);
    }

    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }

    /** Whether it wants events of this type ({@code Account.changed}), by its event types alone. */
    public boolean wantsEventType(String eventType) {
        Require.notNull(eventType, "eventType");
        String recordType = eventType.substring(0, Math.max(eventType.indexOf('.'), 0));
        return eventTypes.contains("*") || eventTypes.contains(eventType) || eventTypes.contains(recordType + ".*");
    }

    public WebhookSubscription disabled(String reason) {
        return copy(
                SubscriptionStatus.DISABLED,
                Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason"),
                version);
    }

    public WebhookSubscription enabled() {
        return copy(SubscriptionStatus.ACTIVE, null, version);
    }

    /** A copy with another version; only stores call this. */
    public WebhookSubscription withVersion(long version) {
        return copy(status, disabledReason, version);
    }

    private WebhookSubscription copy(SubscriptionStatus status, String disabledReason, long version) {
        return new WebhookSubscription(
                tenant, id, endpoint, secret, eventTypes, fieldEquals, status, disabledReason, createdAt, version);
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "WebhookSubscription[" + tenant + "/" + id + " " + endpoint + " " + eventTypes + " " + fieldEquals + " "
                + status + " v" + version + "]";
    }
}
