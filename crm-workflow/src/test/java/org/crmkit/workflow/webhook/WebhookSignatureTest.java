package org.crmkit.workflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final String BODY = "{\"eventType\":\"Account.changed\",\"name\":\"Zoë & Søn\"}";
    private static final Instant SENT = Instant.parse("2026-06-01T07:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBodyAsDocumented() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal((SENT.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(SECRET, SENT, BODY))
                .isEqualTo("t=" + SENT.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void aReceiverAcceptsTheGenuineSignatureWithinItsTolerance() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(TOLERANCE), TOLERANCE))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.minus(TOLERANCE), TOLERANCE))
                .isTrue();
    }

    @Test
    void aReceiverRefusesAnotherSecretAChangedBodyAnOldTimestampAndMalformedHeaders() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify("whsec-another-secret-000", header, BODY, SENT, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("Zoë", "Zoe"), SENT, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, header, BODY, SENT.plus(TOLERANCE).plusSeconds(1), TOLERANCE))
                .isFalse();
        String replayed = header.replace("t=" + SENT.getEpochSecond(), "t=" + (SENT.getEpochSecond() + 60));
        assertThat(WebhookSignature.verify(SECRET, replayed, BODY, SENT, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, SENT, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, SENT, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=" + SENT.getEpochSecond() + ",v1=zz", BODY, SENT, TOLERANCE))
                .isFalse();
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughWhileASecretIsReplaced() {
        String genuine = WebhookSignature.header(SECRET, SENT, BODY);
        String withOld = genuine.replace(",v1=", ",v1=" + "ab".repeat(32) + ",v1=");

        assertThat(WebhookSignature.verify(SECRET, withOld, BODY, SENT, TOLERANCE))
                .isTrue();
    }
}
