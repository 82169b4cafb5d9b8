package org.crmkit.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedCursorException;

/**
 * Makes and reads the tokens of change-feed cursors: {@code v1|tenant|position|signature} in URL-safe Base64, the
 * signature an HMAC-SHA256 of the rest under the tenant's cursor key (kept by the storage, never handed out), so that
 * a reader can neither move a cursor by editing it nor use one of another tenant.
 */
final class FeedCursors {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private FeedCursors() {}

    static FeedCursor issue(TenantId tenant, long position, String cursorKey) {
        String content = VERSION + "|" + tenant.value() + "|" + position;
        String token = content + "|" + signature(content, cursorKey);
        return FeedCursor.of(ENCODER.encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** The position of a cursor handed out to the tenant; refuses any other with a {@link FeedCursorException}. */
    static long positionOf(FeedCursor cursor, TenantId tenant, String cursorKey) {
        String[] parts = decoded(cursor).split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw notACursor();
        }
        if (!parts[1].equals(tenant.value())) {
            throw new FeedCursorException("was handed out to another tenant than " + tenant.value());
        }
        String content = parts[0] + "|" + parts[1] + "|" + parts[2];
        byte[] expected = signature(content, cursorKey).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new FeedCursorException("was changed after crmkit handed it out, or crmkit did not make it");
        }
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static String decoded(FeedCursor cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static FeedCursorException notACursor() {
        return new FeedCursorException("is not a change-feed cursor that crmkit handed out");
    }

    private static String signature(String content, String cursorKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cursorKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256; one without it cannot check cursors at all
            throw new StorageException("cannot sign change-feed cursors: " + e, e);
        }
    }
}
