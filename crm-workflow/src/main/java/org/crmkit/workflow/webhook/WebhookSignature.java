package org.crmkit.workflow.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.NotConfiguredException;

/**
 * The signature of a webhook, for the sender and for the receiver that checks it. Each post carries the header
 * {@value #SIGNATURE_HEADER}{@code : t=<unix seconds>,v1=<hex>}, where {@code <hex>} is the lower-case hexadecimal
 * HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), of the signed string
 * {@code <unix seconds>.<body>}: the timestamp, a full stop, and the body's bytes exactly as received. The timestamp
 * is when the attempt was made, so a receiver refuses replays older than its tolerance; the header
 * {@value #DELIVERY_HEADER} carries the delivery's id, the same on every attempt, for the receiver to drop repeats,
 * and {@value #EVENT_HEADER} the event type. Stateless and thread-safe.
 *
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret, request.header("Crmkit-Signature"), body, Instant.now(),
 *         Duration.ofMinutes(5));
 * }</pre>
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "Crmkit-Signature";
    public static final String DELIVERY_HEADER = "Crmkit-Delivery";
    public static final String EVENT_HEADER = "Crmkit-Event";

    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {}

    /** The value of the signature header for the body posted at {@code timestamp}. */
    public static String header(String secret, Instant timestamp, String body) {
        Require.notBlank(secret, "secret");
        Require.notNull(timestamp, "timestamp");
        Require.notNull(body, "body");
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HEX.formatHex(hmac(secret, seconds + "." + body));
    }

    /**
     * Whether the header is a signature of the body with the secret, made no more than {@code tolerance} before or
     * after {@code now}. False for a missing or malformed header, another secret, a changed body, or a timestamp out
     * of tolerance; never throws for what a sender put in the header. The comparison takes the same time whatever
     * the bytes. A header may carry several {@code v1} values (as while a secret is replaced); one that matches is
     * enough.
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        Require.notBlank(secret, "secret");
        Require.notNull(body, "body");
        Require.notNull(now, "now");
        Require.notNull(tolerance, "tolerance");
        if (header == null) {
            return false;
        }
        Long seconds = null;
        StringBuilder signatures = new StringBuilder();
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=") && seconds == null) {
                try {
                    seconds = Long.parseLong(item.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (item.startsWith("v1=")) {
                signatures.append(item.substring(3)).append(',');
            }
        }
        if (seconds == null
                || Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, seconds + "." + body);
        boolean matches = false;
        for (String signature : signatures.toString().split(",")) {
            byte[] given;
            try {
                given = HEX.parseHex(signature);
            } catch (IllegalArgumentException e) {
                continue;
            }
            matches |= MessageDigest.isEqual(expected, given);
        }
        return matches;
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256 (the Mac algorithms of the Java SE specification)
            throw new NotConfiguredException("this Java runtime cannot sign webhooks with HmacSHA256: " + e);
        }
    }
}
