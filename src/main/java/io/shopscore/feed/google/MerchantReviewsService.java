package io.shopscore.feed.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.Digests;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.review.Review;
import io.shopscore.shop.Shop;
import io.shopscore.web.Links;

/**
 * Reads what Google's merchant reviews feed shows: the shop, and its public reviews a page at a
 * time. Imported reviews are left out: another service collected them (and may send them to Google
 * itself), so Shopscore can neither vouch for them nor say how they were collected.
 */
@ApplicationScoped
public class MerchantReviewsService {

    /** Every review in the feed came through an invitation sent after an order. */
    static final String AFTER_FULFILLMENT = "after_fulfillment";

    private final Links links;
    private final ShopscoreConfig config;

    public MerchantReviewsService(Links links, ShopscoreConfig config) {
        this.links = links;
        this.config = config;
    }

    /** A shop's feed, ready to be written, with its version (a weak ETag); empty for an unknown shop. */
    @Transactional
    @RetryableRead
    public Optional<VersionedFeed> feed(String slug) {
        return Shop.findBySlug(slug).map(shop -> {
            Review.PublishedState state = Review.publishedState(shop);
            MerchantReviewsFeed.Merchant merchant = new MerchantReviewsFeed.Merchant(shop.id(), shop.name(), shop.websiteUrl(),
                    links.shopPage(shop.slug()), shop.createdAt(), countryOf(shop));
            long shopId = shop.id();
            MerchantReviewsFeed feed = new MerchantReviewsFeed(merchant, config.feeds().pageSize(),
                    (last, size) -> page(shopId, last, size));
            return new VersionedFeed(feed, version(shop, state));
        });
    }

    /** The page of the shop's public, non-imported reviews after {@code last} (null: the first), oldest first. */
    @Transactional
    @RetryableRead
    public List<MerchantReviewsFeed.Item> page(long shopId, MerchantReviewsFeed.Item last, int size) {
        Shop shop = Shop.findById(shopId);
        if (shop == null) {
            return List.of();
        }
        return Review.publishedPage(shop, last == null ? null : last.createdAt(), last == null ? null : last.id(), size, false)
                .stream().map(MerchantReviewsService::item).toList();
    }

    private static MerchantReviewsFeed.Item item(Review review) {
        Instant lastUpdate = latest(review.createdAt(), review.updatedAt());
        return new MerchantReviewsFeed.Item(review.id(), review.displayName(), review.createdAt(), lastUpdate, review.title(),
                review.text(), review.grade().value(), AFTER_FULFILLMENT);
    }

    private String countryOf(Shop shop) {
        return switch (shop.locale() == null ? "" : shop.locale().toLowerCase(Locale.ROOT)) {
            case "nl" -> "NL";
            case "de" -> "DE";
            case "fr" -> "FR";
            default -> config.feeds().defaultCountry();
        };
    }

    private String version(Shop shop, Review.PublishedState state) {
        String facts = String.join("|", Long.toString(state.count()), String.valueOf(state.lastChange()), shop.name(),
                String.valueOf(shop.websiteUrl()), links.shopPage(shop.slug()), countryOf(shop));
        byte[] digest = Arrays.copyOf(Digests.sha256(facts.getBytes(StandardCharsets.UTF_8)), 16);
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** A feed and the weak ETag of its content. */
    public record VersionedFeed(MerchantReviewsFeed feed, String etag) {
    }
}
