package io.shopscore.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.invitation.Tokens;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/** Issues and checks the short-lived links to a shop's insights page. */
@ApplicationScoped
public class InsightLinks {

    static final Duration VALIDITY = Duration.ofHours(1);

    /** A link to open in a browser. */
    @Schema(name = "InsightsLink")
    public record Link(@Schema(examples = "http://localhost:8080/insights/q0Vf1mLw...") String url, Instant expiresAt) {
    }

    private final Clock clock;
    private final Links links;

    public InsightLinks(Clock clock, Links links) {
        this.clock = clock;
        this.links = links;
    }

    @Transactional
    public Link issue(String slug) {
        Shop shop = ShopService.require(slug);
        Instant now = clock.instant();
        AccessLink.deleteExpired(now);
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(VALIDITY);
        AccessLink.issue(token, shop.id(), expiresAt).persist();
        return new Link(links.base() + "/insights/" + token, expiresAt);
    }

    /** The slug of the shop a valid, unexpired link belongs to. */
    @Transactional
    public Optional<String> slugOf(String token) {
        if (!Tokens.hasTokenForm(token)) {
            return Optional.empty();
        }
        return AccessLink.shopOf(token, clock.instant()).map(id -> Shop.<Shop>findById(id).slug());
    }
}
