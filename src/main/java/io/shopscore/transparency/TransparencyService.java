package io.shopscore.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.moderation.ModerationService;
import io.shopscore.review.ReviewCounts;
import io.shopscore.score.ScoreService;
import io.shopscore.score.ScoreView;
import io.shopscore.shop.Shop;

/** Gathers a shop's public facts from the features that hold them; read through {@link TransparencyCache}. */
@ApplicationScoped
public class TransparencyService {

    /** "Last 12 months": the last 365 days, as the score's last12Months figures count them. */
    static final int LAST_12_MONTHS_DAYS = 365;

    private final Clock clock;
    private final ScoreService scores;
    private final ModerationService moderation;

    public TransparencyService(Clock clock, ScoreService scores, ModerationService moderation) {
        this.clock = clock;
        this.scores = scores;
        this.moderation = moderation;
    }

    /**
     * The shop's figures, empty for an unknown shop. The response figures come from the score's
     * daily totals (reviews written on the last 365 UTC days), never from counting reviews; removals
     * and reports count those of the last 365 days up to now.
     */
    @Transactional
    public Optional<TransparencyFigures> figures(String slug) {
        return Shop.findBySlug(slug).map(shop -> {
            Instant now = clock.instant();
            Instant since = now.minus(Duration.ofDays(LAST_12_MONTHS_DAYS));
            LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(LAST_12_MONTHS_DAYS - 1);
            ScoreView.Responses responses = scores.responsesSince(shop.id(), firstDay);
            return new TransparencyFigures(shop.slug(),
                    ReviewCounts.publishedBySource(shop.id()),
                    ReviewCounts.removedSince(shop.id(), since),
                    moderation.reportsByShopSince(shop.id(), since),
                    responses.negativeReviews(),
                    responses.responded());
        });
    }
}
