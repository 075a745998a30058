package io.shopscore.shop;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.Roles;

@Path("/api/v1/shops")
@Tag(name = "Operator", description = "Registering shops (admin token)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    private final ShopService shops;

    public ShopResource(ShopService shops) {
        this.shops = shops;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createShop", summary = "Register a shop", description = "Returns the shop's API key, shown this once only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopCreated.class)))
    @APIResponse(responseCode = "400", description = "Bad slug, name, URL or locale")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public RestResponse<ShopCreated> create(@Valid @NotNull CreateShop body) {
        ShopCreated created = shops.create(body);
        return RestResponse.ResponseBuilder.<ShopCreated>created(URI.create("/api/v1/shops/" + created.slug())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listShops", summary = "List shops by slug",
            description = "A page of the registered shops, ordered by slug (operator only).")
    @APIResponse(responseCode = "200", description = "A page of shops")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    public Page<ShopView> list(@RestQuery String page, @RestQuery String size) {
        return shops.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getShop", summary = "One shop",
            description = "One registered shop by its slug (operator only). The API key is never shown again.")
    @APIResponse(responseCode = "200", description = "The shop, without its key")
    @APIResponse(responseCode = "404", description = "No such shop")
    public ShopView get(@RestPath String slug) {
        return shops.find(slug).orElseThrow(() -> noShop(slug));
    }

    @POST
    @Path("{slug}/api-key")
    @Operation(operationId = "rotateApiKey", summary = "Replace a shop's API key", description = "The old key stops working at once; the new one is shown this once only.")
    @APIResponse(responseCode = "200", description = "The shop with its new key")
    @APIResponse(responseCode = "404", description = "No such shop")
    public ShopCreated rotateApiKey(@RestPath String slug) {
        return shops.rotateApiKey(slug).orElseThrow(() -> noShop(slug));
    }

    @PUT
    @Path("{slug}/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setShopContact", summary = "Set or replace a shop's contact address",
            description = "Sets the address negative reviews are reported to, which is also a member who may sign in to the shop's dashboard "
                    + "by a mailed link and manage its API keys and colleagues (null or blank for none). The shop's key cannot change it, "
                    + "so this is how a shop registered without a contact gets its first member, and how a shop whose contact person left "
                    + "gets a new one: the replaced address stops being a member and its dashboard sessions end (operator only).")
    @APIResponse(responseCode = "200", description = "The shop with its new contact address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "400", description = "Not an email address, or longer than 254 characters (the violation names contactEmail)")
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not the admin token (a shop's key may not change its contact address)")
    @APIResponse(responseCode = "404", description = "No such shop")
    public ShopView setContact(@RestPath String slug, @Valid @NotNull ShopContact body) {
        return shops.changeContact(slug, body.contactEmail());
    }

    private static ProblemException noShop(String slug) {
        return ProblemException.notFound("There is no shop '" + slug + "'.");
    }
}
