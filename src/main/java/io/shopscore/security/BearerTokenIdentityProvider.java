package io.shopscore.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.Digests;
import io.shopscore.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Turns a bearer token into the operator or a shop; anything else fails with 401. */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Optional<byte[]> adminTokenHash;
    private final ShopKeys shops;

    public BearerTokenIdentityProvider(ShopscoreConfig config, ShopKeys shops) {
        this.adminTokenHash = config.adminToken().filter(token -> !token.isBlank()).map(BearerTokenIdentityProvider::sha256);
        this.shops = shops;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (isAdminToken(token)) {
            return Uni.createFrom().item(identity(Roles.OPERATOR, Roles.OPERATOR));
        }
        if (!shops.hasApiKeyForm(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String clientAddress = ClientAddress.of(http == null ? null : http.request());
        return context.runBlocking(() -> shops.slugForApiKey(token, clientAddress)
                .map(slug -> identity(slug, Roles.SHOP))
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** Compares digests so that the time taken says nothing about the token, not even its length. */
    private boolean isAdminToken(String token) {
        return adminTokenHash.map(expected -> MessageDigest.isEqual(expected, sha256(token))).orElse(false);
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role)
                .build();
    }

    private static byte[] sha256(String value) {
        return Digests.sha256(value.getBytes(StandardCharsets.UTF_8));
    }
}
