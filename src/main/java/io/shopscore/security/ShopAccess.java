package io.shopscore.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A shop's key acts only under its own slug: endpoints annotated with
 * {@code @PermissionsAllowed(Roles.SHOP_OWNER)} and a {@code slug} parameter answer 403 to any
 * other credential (and 401 to none).
 */
@ApplicationScoped
public class ShopAccess {

    @PermissionChecker(Roles.SHOP_OWNER)
    boolean isOwnShop(SecurityIdentity identity, String slug) {
        return identity.hasRole(Roles.SHOP) && identity.getPrincipal().getName().equals(slug);
    }
}
