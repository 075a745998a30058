package io.shopscore.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop's public score, exactly as api-v1 defines it. */
@Schema(name = "Score")
public record ScoreView(
        @Schema(examples = "demo") String slug,
        @Schema(examples = "Demo Shop") String name,
        @Schema(description = "Mean grade 1-10, one decimal, rounded half up; null without reviews", examples = "8.3", nullable = true)
        BigDecimal average,
        @Schema(description = "Unrounded mean / 2, one decimal, rounded half up (0-5); null without reviews", examples = "4.2", nullable = true)
        BigDecimal stars,
        @Schema(description = "Number of published reviews", examples = "128") long count,
        @Schema(description = "yes / (yes + no) as a whole percent, rounded half up; null when nobody answered", examples = "91", nullable = true)
        Integer recommendPercentage,
        @Schema(description = "Number of reviews per grade, keys \"1\" to \"10\"")
        Map<String, Long> distribution,
        @Schema(description = "The same figures over reviews written in the last 365 days")
        RecentScore last12Months,
        @Schema(description = "The shop's public review page", examples = "http://localhost:8080/shops/demo")
        String reviewPageUrl,
        @Schema(description = "How the shop answers negative reviews (grade 5 or lower) written in the last 365 days. "
                + "An addition to the api-v1 contract.")
        Responses responses) {

    /** The shop's answers to its negative reviews of the last 365 days. */
    @Schema(name = "ResponseFigures")
    public record Responses(
            @Schema(description = "Published reviews graded 5 or lower", examples = "12") long negativeReviews,
            @Schema(description = "How many of them have a response", examples = "10") long responded,
            @Schema(description = "responded / negativeReviews as a whole percent, rounded half up; null without negative reviews",
                    examples = "83", nullable = true) Integer percentage,
            @Schema(description = "Median time from review to first response, in hours with one decimal; null without responses",
                    examples = "5.3", nullable = true) BigDecimal medianHours) {

        public static Responses of(long negative, long responded, Map<Integer, Long> delayBuckets) {
            Integer percentage = negative == 0 ? null
                    : BigDecimal.valueOf(responded * 100).divide(BigDecimal.valueOf(negative), 0, RoundingMode.HALF_UP).intValueExact();
            return new Responses(negative, responded, percentage, ResponseDelays.medianHours(delayBuckets));
        }
    }

    /** Average, count and recommendation over the last 365 days. */
    @Schema(name = "RecentScore")
    public record RecentScore(
            @Schema(examples = "8.5", nullable = true) BigDecimal average,
            @Schema(examples = "90") long count,
            @Schema(examples = "93", nullable = true) Integer recommendPercentage) {

        static RecentScore of(Tally tally) {
            return new RecentScore(tally.average(), tally.count(), tally.recommendPercentage());
        }
    }

    static ScoreView of(String slug, String name, Tally total, GradeCounts grades, Tally last12Months, Responses responses,
            String reviewPageUrl) {
        return new ScoreView(slug, name, total.average(), total.stars(), total.count(), total.recommendPercentage(),
                grades.asMap(), RecentScore.of(last12Months), reviewPageUrl, responses);
    }
}
