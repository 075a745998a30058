package io.shopscore.feed.kiyoh;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.persistence.RetryableRead;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.Review;
import io.shopscore.score.ScoreService;
import io.shopscore.score.ScoreView;
import io.shopscore.shop.Shop;
import io.shopscore.shop.Slugs;

/**
 * A shop as KiYoh's publication API shows a location, so that KiYoh's PHP libraries and shop
 * plugins work against Shopscore unchanged. The figures are the shop's score as
 * {@link ScoreService} keeps it (never a count over reviews, and imported reviews never in it);
 * the reviews are the shop's public ones, imported ones included, newest first.
 */
@ApplicationScoped
public class KiyohService {

    private static final BigDecimal NO_AVERAGE = new BigDecimal("0.0");

    private final ScoreService scores;

    public KiyohService(ScoreService scores) {
        this.scores = scores;
    }

    /**
     * The location with the reviews the query asks for.
     *
     * @throws ProblemException 404 in KiYoh's error shape for an unknown location
     */
    @Transactional
    @RetryableRead
    public KiyohLocation location(String slug, KiyohQuery query, String parameter) {
        Shop shop = (Slugs.isValid(slug) ? Shop.findBySlug(slug) : Optional.<Shop>empty())
                .orElseThrow(() -> unknown(slug, parameter));
        ScoreView score = scores.find(shop.slug()).orElseThrow(() -> unknown(slug, parameter));
        List<KiyohReview> reviews = query.limit() == 0 ? List.of()
                : Review.newestPublished(shop, query.dateSince(), query.updatedSince(), query.limit()).stream()
                        .map(review -> review(review, shop.locale())).toList();
        ScoreView.RecentScore recent = score.last12Months();
        return new KiyohLocation(shop.slug(), shop.name(), orZero(score.average()), score.count(), orZero(score.recommendPercentage()),
                orZero(recent.average()), recent.count(), orZero(recent.recommendPercentage()), score.reviewPageUrl(),
                score.reviewPageUrl(), reviews);
    }

    private static KiyohReview review(Review review, String language) {
        int grade = review.grade().value();
        List<KiyohQuestion> content = new ArrayList<>();
        content.add(KiyohQuestion.of(KiyohQuestion.OVERALL, "INT", Integer.toString(grade), language));
        if (hasText(review.title())) {
            content.add(KiyohQuestion.of(KiyohQuestion.ONELINER, "TEXT", review.title(), language));
        }
        if (hasText(review.text())) {
            content.add(KiyohQuestion.of(KiyohQuestion.OPINION, "TEXT", review.text(), language));
        }
        if (review.recommend() != null) {
            content.add(KiyohQuestion.of(KiyohQuestion.RECOMMEND, "BOOLEAN", review.recommend().toString(), language));
        }
        Instant updated = Stream.of(review.createdAt(), review.updatedAt(), review.responseCreatedAt(), review.responseUpdatedAt())
                .filter(instant -> instant != null).max(Instant::compareTo).orElseThrow();
        return new KiyohReview(Long.toString(review.id()), review.displayName() == null ? "" : review.displayName(), "", grade,
                List.copyOf(content), hasText(review.responseText()) ? review.responseText() : null,
                KiyohDates.format(review.createdAt()), KiyohDates.format(updated), language);
    }

    /** KiYoh answers an unknown location with these members; its clients read them. */
    private static ProblemException unknown(String slug, String parameter) {
        String code = "hash".equals(parameter) ? "INVALID_HASH" : "INVALID_LOCATION_ID";
        String message = "There is no location '" + slug + "'.";
        return ProblemException.notFound(message, Map.of("httpCode", 404, "errorCode", "NOT_FOUND",
                "detailedError", List.of(Map.of("errorCode", code, "message", message))));
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? NO_AVERAGE : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
