package org.crmkit.workflow.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.NotConfiguredException;

/**
 * The signed tokens of double opt-in confirmation links: the campaign, the contact and the expiry, signed with
 * HMAC-SHA256 over those, the tenant and the e-mail address the confirmation went to. Nothing is stored: a token
 * proves itself, and it stops working when it expires or the contact's address changes.
 */
final class OptInTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD = 16 + 16 + 8;

    private final SecretKeySpec key;

    OptInTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A confirmation request read back from a token whose signature is still to be checked against the address. */
    record Request(CampaignId campaign, ContactId contact, Instant expiresAt, byte[] signature, byte[] payload) {}

    String issue(TenantId tenant, CampaignId campaign, ContactId contact, String email, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD)
                .putLong(campaign.value().getMostSignificantBits())
                .putLong(campaign.value().getLeastSignificantBits())
                .putLong(contact.value().getMostSignificantBits())
                .putLong(contact.value().getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond())
                .array();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(sign(tenant, payload, email));
    }

    /** Reads the token; a malformed one is refused (field {@code token}). */
    Request read(String token) {
        int dot = token.indexOf('.');
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (dot < 0 || payload.length != PAYLOAD) {
                throw invalid();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return new Request(
                    CampaignId.of(new UUID(buffer.getLong(), buffer.getLong())),
                    ContactId.of(new UUID(buffer.getLong(), buffer.getLong())),
                    Instant.ofEpochSecond(buffer.getLong()),
                    signature,
                    payload);
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    /** Whether the request was signed for the tenant and the address. */
    boolean signedFor(TenantId tenant, Request request, String email) {
        return MessageDigest.isEqual(sign(tenant, request.payload(), email), request.signature());
    }

    static InvalidValueException invalid() {
        return InvalidValueException.invalid("token", "is not a valid opt-in confirmation token");
    }

    private byte[] sign(TenantId tenant, byte[] payload, String email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(tenant.value().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(payload);
            mac.update(email.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256 (the Mac algorithms of the Java SE specification)
            throw new NotConfiguredException("this Java runtime cannot sign opt-in tokens with HmacSHA256: " + e);
        }
    }
}
