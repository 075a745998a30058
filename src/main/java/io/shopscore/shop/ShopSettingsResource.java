package io.shopscore.shop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/settings")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ShopSettingsResource {

    private final ShopService shops;

    public ShopSettingsResource(ShopService shops) {
        this.shops = shops;
    }

    @GET
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "getShopSettings", summary = "The shop's mail settings",
            description = "The shop's mail settings: where negative reviews are reported, how many days after creation invitations are mailed, and when one reminder follows.")
    @APIResponse(responseCode = "200", description = "The settings")
    public ShopSettings get(@RestPath String slug) {
        return shops.settings(slug);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "updateShopSettings", summary = "Change the shop's mail settings",
            description = "Sets when invitation mails go out; applies to invitations created from now on. contactEmail must be "
                    + "repeated as it is: the key cannot change it (it signs in to the dashboard; a member signed in by mail changes it there).")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Another shop's settings, or a changed contactEmail")
    public ShopSettings put(@RestPath String slug, @Valid @NotNull ShopSettings body) {
        return shops.configure(slug, body);
    }
}
