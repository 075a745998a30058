package io.shopscore.review.page;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.i18n.Messages;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.review.ReviewService;
import io.shopscore.review.ReviewSource;
import io.shopscore.review.ReviewView;
import io.shopscore.score.ScoreService;
import io.shopscore.score.ScoreView;
import io.shopscore.shop.ShopService;
import io.shopscore.shop.ShopView;
import io.shopscore.transparency.TransparencyCache;
import io.shopscore.transparency.TransparencyFigures;
import io.shopscore.web.LanguageLink;
import io.shopscore.web.Links;

/** Puts together a shop's public review page from its score, a page of its reviews and how they were collected. */
@ApplicationScoped
public class ShopPages {

    static final int REVIEWS_PER_PAGE = 10;
    /** The newest removals are listed with their reasons; the API has them all. */
    static final int REMOVED_SHOWN = 10;

    private final ShopService shops;
    private final ScoreService scores;
    private final ReviewService reviews;
    private final Formats formats;
    private final Locales locales;
    private final Links links;
    private final ObjectMapper json;
    private final TransparencyCache transparency;

    public ShopPages(ShopService shops, ScoreService scores, ReviewService reviews, Formats formats, Locales locales,
            Links links, ObjectMapper json, TransparencyCache transparency) {
        this.shops = shops;
        this.scores = scores;
        this.reviews = reviews;
        this.formats = formats;
        this.locales = locales;
        this.links = links;
        this.json = json;
        this.transparency = transparency;
    }

    /** The page, or empty for an unknown shop. {@code language} null means the shop's own. */
    @RetryableRead
    public Optional<ShopPage> page(String slug, int pageNumber, String language) {
        Optional<ShopView> found = shops.find(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ShopView shop = found.get();
        String lang = language != null ? language : shop.locale();
        ScoreView score = scores.find(slug).orElseThrow();
        Page<ReviewView> page = reviews.published(slug, new PageRequest(pageNumber, REVIEWS_PER_PAGE));
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of(lang));

        String path = "/shops/" + slug;
        List<ShopPage.ReviewCard> cards = page.items().stream().map(review -> new ShopPage.ReviewCard(
                review.id(), review.score(), review.title(), review.text(),
                author(review, messages), review.verified(),
                formats.date(review.createdAt(), lang), review.updatedAt() != null,
                review.response() == null ? null : review.response().text(),
                review.response() == null ? null : formats.date(review.response().createdAt(), lang),
                TrustWords.source(review.source(), messages),
                path + "/reviews/" + review.id() + "/notice?lang=" + lang)).toList();

        String langQuery = language != null ? "&lang=" + language : "";
        int pages = page.lastPage() + 1;
        String newer = pageNumber > 0 ? path + "?page=" + (pageNumber - 1) + langQuery : null;
        String older = page.hasNext() ? path + "?page=" + (pageNumber + 1) + langQuery : null;
        int starsPercent = score.stars() == null ? 0 : score.stars().multiply(BigDecimal.valueOf(20)).intValue();

        return Optional.of(new ShopPage(lang, LanguageLink.forPage(path, locales.supported(), lang), slug, shop.name(),
                shop.websiteUrl(), links.shopPage(slug), score.count(), formats.decimal(score.average(), lang), score.average(),
                formats.decimal(score.stars(), lang), starsPercent, score.recommendPercentage(),
                score.last12Months().count(), formats.decimal(score.last12Months().average(), lang),
                distribution(score), cards, pageNumber, pages, newer, older,
                jsonLd(shop, score, page.items(), messages),
                reviews.removed(slug, new PageRequest(0, REMOVED_SHOWN)).items().stream()
                        .map(removed -> new ShopPage.Removed(formats.date(removed.createdAt(), lang), removed.reason())).toList(),
                trust(transparency.figures(slug), messages)));
    }

    /** The name a review is shown under; without one, a verified customer, or just a customer for an imported review. */
    private static String author(ReviewView review, Messages messages) {
        if (review.displayName() != null) {
            return review.displayName();
        }
        return review.verified() ? messages.verifiedCustomer() : messages.importedCustomer();
    }

    private static ShopPage.Trust trust(TransparencyFigures figures, Messages messages) {
        List<ShopPage.CategoryCount> removed = figures.removed().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> new ShopPage.CategoryCount(TrustWords.category(entry.getKey(), messages), entry.getValue()))
                .toList();
        return new ShopPage.Trust(figures.sources().get(ReviewSource.INVITATION_EMAIL), figures.sources().get(ReviewSource.INVITATION_LINK),
                figures.sources().get(ReviewSource.IMPORTED), figures.removedTotal(), removed,
                figures.reports().total(), figures.reports().upheld(), figures.reports().rejected(), figures.reportsOpen(),
                figures.negative(), figures.answered());
    }

    private static List<ShopPage.GradeBar> distribution(ScoreView score) {
        List<ShopPage.GradeBar> bars = new ArrayList<>();
        for (int grade = 10; grade >= 1; grade--) {
            long count = score.distribution().get(Integer.toString(grade));
            int percent = score.count() == 0 ? 0 : (int) Math.round(100.0 * count / score.count());
            bars.add(new ShopPage.GradeBar(grade, count, percent));
        }
        return bars;
    }

    /**
     * schema.org Organization with its AggregateRating and the reviews on this page, for search
     * engines. Escaped for a script element: no "</script>" in a review can end it early. Imported
     * reviews are left out: the rating does not count them, and the marked-up reviews should be the
     * ones it rests on.
     */
    private String jsonLd(ShopView shop, ScoreView score, List<ReviewView> reviewsOnPage, Messages messages) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@context", "https://schema.org");
        organization.put("@type", "Organization");
        organization.put("name", shop.name());
        organization.put("url", shop.websiteUrl());
        if (score.count() > 0) {
            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("@type", "AggregateRating");
            rating.put("ratingValue", score.average().toPlainString());
            rating.put("bestRating", "10");
            rating.put("worstRating", "1");
            rating.put("ratingCount", score.count());
            rating.put("reviewCount", score.count());
            organization.put("aggregateRating", rating);
            List<Map<String, Object>> list = new ArrayList<>();
            for (ReviewView review : reviewsOnPage) {
                if (review.source() == ReviewSource.IMPORTED) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("@type", "Review");
                item.put("author", Map.of("@type", "Person",
                        "name", review.displayName() != null ? review.displayName() : messages.verifiedCustomer()));
                item.put("datePublished", review.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                if (review.title() != null) {
                    item.put("name", review.title());
                }
                item.put("reviewBody", review.text());
                item.put("reviewRating", Map.of("@type", "Rating", "ratingValue", Integer.toString(review.score()),
                        "bestRating", "10", "worstRating", "1"));
                list.add(item);
            }
            organization.put("review", list);
        }
        try {
            String text = new String(json.writeValueAsBytes(organization), StandardCharsets.UTF_8);
            return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings always serialise", e);
        }
    }
}
