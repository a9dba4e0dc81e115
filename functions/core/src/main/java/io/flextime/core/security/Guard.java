package io.flextime.core.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a {@code @Funq} method behind its row of the {@link Door} table: {@link DoorGuard} authenticates
 * and authorizes every invocation before the method runs.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guard {
    /** Exactly one row (an array only so that the interceptor itself can carry the binding without one). */
    @Nonbinding
    Door[] value() default {};

    /**
     * The door starts work that goes on after it answers (a job): over HTTP it answers {@code 202 Accepted}
     * instead of 200, a replayed {@code Idempotency-Key} answer too.
     */
    @Nonbinding
    boolean accepted() default false;
}
