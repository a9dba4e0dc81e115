package io.flextime.core.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.IdempotencyStore;
import io.quarkus.arc.ArcInvocationContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every mutating door of the {@link Door} table, over HTTP: the first call
 * with a key runs the door and its answer is stored; a call by the same caller (tenant and token
 * subject) to the same door with the same key and the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and the door does not run. The same key with another request is a
 * 422 ({@code idempotency-key-reused}); while the first call is still running, a 409
 * ({@code idempotency-key-in-flight}). A call that fails frees its key. Runs inside {@link DoorGuard}
 * (a later priority), so only authorized calls claim keys. Read doors ignore the header.
 */
@Guard
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class IdempotentDoors {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    @Inject
    CurrentVertxRequest http;
    @Inject
    CurrentCaller current;
    @Inject
    IdempotencyStore store;
    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object once(InvocationContext ctx) throws Exception {
        Door door = ArcInvocationContext.findIterceptorBinding(ctx, Guard.class).value()[0];
        RoutingContext request = http.getCurrent();
        String key = request == null ? null : request.request().getHeader(HEADER);
        if (key == null || !door.mutating()) {
            return ctx.proceed();
        }
        if (ctx.getMethod().getReturnType() == Uni.class) {
            // The store is blocking and would run on the event loop: every mutating door answers on a worker today.
            throw new IllegalStateException(door.door() + " answers asynchronously: IdempotentDoors stores plain answers only");
        }
        if (!KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 200 characters of A-Z a-z 0-9 . _ : - (a UUID is a good key)"));
        }
        Caller caller = current.get();
        IdempotencyStore.Call call = new IdempotencyStore.Call(current.tenant(), door.door(), caller.actor().subject(), key);
        String fingerprint = fingerprint(ctx.getParameters());
        IdempotencyStore.Claim claim = store.claim(call, fingerprint);
        if (claim.state() != IdempotencyStore.State.CLAIMED) {
            Object earlier = earlier(door, claim, fingerprint, ctx.getMethod().getGenericReturnType());
            request.response().putHeader(REPLAYED, "true");
            return earlier;
        }
        Object answer;
        try {
            answer = ctx.proceed();
        } catch (Exception | Error e) {
            store.release(call);
            throw e;
        }
        store.answered(call, json(answer));
        return answer;
    }

    private Object earlier(Door door, IdempotencyStore.Claim claim, String fingerprint, Type answerType) {
        if (claim.fingerprint() != null && !claim.fingerprint().equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was used for another request to " + door.door() + "; a new request needs a new key"));
        }
        if (claim.state() != IdempotencyStore.State.DONE) {
            throw new ProblemException(Problem.of(409, "idempotency-key-in-flight", "Request in progress",
                    "a request to " + door.door() + " with this Idempotency-Key is still running; ask again when it has answered"));
        }
        try {
            JavaType type = mapper.getTypeFactory().constructType(answerType);
            return mapper.readValue(claim.answer(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored answer of " + door.door() + " does not read back", e);
        }
    }

    /** The request as the door read it (its parameters, as JSON): the same body gives the same fingerprint. */
    private String fingerprint(Object[] parameters) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(parameters)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private String json(Object answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer", e);
        }
    }
}
