package io.flextime.core.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.msk.auth.iam.IAMClientCallbackHandler;
import software.amazon.msk.auth.iam.IAMLoginModule;

/**
 * The Kafka client loads the MSK IAM login module and callback handler by the class names in the aws
 * profile's {@code kafka.sasl.*} settings: registered here so that a native image has them.
 */
@RegisterForReflection(targets = {IAMLoginModule.class, IAMClientCallbackHandler.class})
public final class MskIamAuthentication {
    private MskIamAuthentication() {
    }
}
