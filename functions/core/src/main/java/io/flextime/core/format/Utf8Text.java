package io.flextime.core.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text input is UTF-8. A UTF-8 byte-order mark (Excel's "CSV UTF-8") is accepted and skipped; UTF-16
 * marks and bytes that are not UTF-8 (Windows-1252 / Latin-1 exports) are rejected with a clear
 * problem instead of being guessed at: a wrong guess would silently corrupt names. The JDK's strict
 * decoder does the detection; only the 2-3 byte BOM peek is done here (no library for so little).
 */
public final class Utf8Text {
    public static final String NOT_UTF8 = "NOT_UTF8";

    private Utf8Text() {
    }

    public static Reader reader(InputStream in, String file) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        int n = head.length;
        if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw Problems.fatal(NOT_UTF8, file, "the file is UTF-16 (byte-order mark " + String.format("%02X%02X", head[0], head[1])
                    + "); save it as UTF-8");
        }
        boolean bom = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        if (!bom && n > 0) {
            p.unread(head, 0, n);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(p, strict), 64 * 1024);
    }

    /** True when {@code t} (or a cause) is a decoding failure of the strict reader. */
    public static boolean isDecodingFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    public static String notUtf8Reason() {
        return "the bytes are not valid UTF-8 (a Windows-1252 or Latin-1 export?); save the file as UTF-8";
    }
}
