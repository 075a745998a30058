package io.shopscore.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens the public read endpoints and the widget to every origin, so partners' pages and the
 * widget can call them from browsers. Nothing else is opened: the shop and operator APIs are for
 * servers, and answering them cross-origin would only widen what a stolen key could do from a page.
 */
@ApplicationScoped
public class PublicCors {

    static final Pattern PUBLIC_PATHS = Pattern.compile(
            "/api/v1/(scores|scores/changes|shops/[^/]+/(score|reviews|transparency|product-scores|products/[^/]+/(score|reviews)))|/widget/.*"
            + "|/v1/publication/review/external(/location/statistics)?|/v1/review/feed\\.(json|xml)|/feeds/google/.*");
    private static final String MAX_AGE = "86400";

    /** Before the rate limits (220) and the cached score route (210), whose answers it opens too. */
    static final int PRIORITY = 230;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext context) {
        if (!PUBLIC_PATHS.matcher(context.normalizedPath()).matches()) {
            context.next();
            return;
        }
        var response = context.response();
        response.putHeader("Access-Control-Allow-Origin", "*");
        response.putHeader("Access-Control-Expose-Headers", "ETag");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", "GET, HEAD");
            response.putHeader("Access-Control-Allow-Headers", "If-None-Match, X-Publication-Api-Token");
            response.putHeader("Access-Control-Max-Age", MAX_AGE);
            response.setStatusCode(204).end();
            return;
        }
        context.next();
    }
}
