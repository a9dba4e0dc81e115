package io.flextime.core.store;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the {@code Expect: 100-continue} header the S3 client adds to uploads. With the JDK's
 * HttpURLConnection (the url-connection client every function uses) the 100-continue handshake
 * intermittently failed uploads to the local S3 server with "Error writing request body to server",
 * on every SDK retry. Without the handshake an upload that S3 would reject sends its body before
 * learning so — a cost only on requests that fail anyway.
 */
@RegisterForReflection
public class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader("Expect").isPresent() ? request.toBuilder().removeHeader("Expect").build() : request;
    }
}
