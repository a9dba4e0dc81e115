package io.flextime.core.security;

/**
 * A request body that may name a tenant. The tenant a door acts for is always the token's; a body naming
 * another one is refused (403) by {@link DoorGuard} before the door runs. Records with a {@code tenant}
 * component implement it as they are.
 */
public interface TenantScoped {
    String tenant();
}
