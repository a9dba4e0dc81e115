package io.flextime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The partner's verification, against the Standard Webhooks specification's published example. */
class PartnerReceiverTest {
    static final byte[] KEY = PartnerReceiver.secretKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final long TS = 1614265330L;

    @Test
    void acceptsTheSpecificationsExampleSignature() {
        assertNull(PartnerReceiver.verify(KEY, ID, Long.toString(TS), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY, TS));
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        assertNull(PartnerReceiver.verify(KEY, ID, Long.toString(TS),
                "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY, TS));
    }

    @Test
    void rejectsATamperedBodyAndAStaleTimestamp() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertEquals("no valid v1 signature", PartnerReceiver.verify(KEY, ID, Long.toString(TS),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", tampered, TS));
        assertEquals("webhook-timestamp outside the tolerance", PartnerReceiver.verify(KEY, ID, Long.toString(TS),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY, TS + 3600));
    }
}
