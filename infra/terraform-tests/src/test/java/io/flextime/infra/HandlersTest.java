package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM handlers modules/functions names exist in the Quarkus version the functions build with. */
class HandlersTest {

    @Test
    void jvmHandlersAreQuarkusStreamHandlers() throws Exception {
        Map<String, Object> jvm = FunctionsModule.load().handlers().get("jvm");
        assertNotNull(jvm, "modules/functions locals.handlers.jvm");
        assertEquals("java17", jvm.get("runtime"), "the functions are built for Java 17");
        for (String build : new String[] { "events", "http" }) {
            String handler = String.valueOf(jvm.get(build));
            String[] parts = handler.split("::");
            assertEquals(2, parts.length, "handler " + handler + " is <class>::<method>");
            Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader());
            Method method = type.getMethod(parts[1], InputStream.class, OutputStream.class, Context.class);
            assertNotNull(method, handler);
        }
    }
}
