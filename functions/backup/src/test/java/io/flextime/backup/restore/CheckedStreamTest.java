package io.flextime.backup.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time newline count agrees with a plain count at every offset and length. */
class CheckedStreamTest {
    @Test
    void countsNewlinesLikeAPlainLoop() {
        Random random = new Random(7);
        byte[] bytes = new byte[300];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < bytes.length; i++) {
                // newlines, their neighbours in value, zero bytes and high bytes: where a word trick can go wrong
                int pick = random.nextInt(6);
                bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0b : pick == 2 ? 0x09 : pick == 3 ? 0 : pick == 4 ? 0x8a : random.nextInt(256));
            }
            int off = random.nextInt(40);
            int len = random.nextInt(bytes.length - off);
            long plain = 0;
            for (int i = off; i < off + len; i++) {
                plain += bytes[i] == '\n' ? 1 : 0;
            }
            assertEquals(plain, CheckedStream.newlines(bytes, off, len), "offset " + off + ", length " + len);
        }
    }
}
