package io.shopscore.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shopscore.config.ShopscoreConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Strict Transport Security on every response when the service is public over https
 * ({@code shopscore.public-url}): a browser that once reached it never again sends a review page's
 * token over plain http, whatever link it follows. Over http (development) no such header is sent,
 * which a browser would ignore anyway.
 */
@ApplicationScoped
public class StrictTransport {

    static final String HEADER = "Strict-Transport-Security";
    /** Two years, the preload lists' expectation; subdomains included, as the service owns its host. */
    static final String POLICY = "max-age=63072000; includeSubDomains";

    private final Optional<String> policy;

    public StrictTransport(ShopscoreConfig config) {
        this.policy = policyFor(config.publicUrl());
    }

    /** The policy for a service public at this URL: only for https. */
    static Optional<String> policyFor(String publicUrl) {
        return publicUrl.strip().regionMatches(true, 0, "https://", 0, 8) ? Optional.of(POLICY) : Optional.empty();
    }

    void register(@Observes Filters filters) {
        policy.ifPresent(value -> filters.register((RoutingContext context) -> {
            context.response().putHeader(HEADER, value);
            context.next();
        }, 240)); // first of this service's filters: every answer, a 429 or a cached score included, carries it
    }
}
