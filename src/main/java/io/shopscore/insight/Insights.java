package io.shopscore.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.insight.classify.Topic;
import io.shopscore.score.ScoreView;

/**
 * What unhappy customers complain about, for one shop or the whole platform, over a number of
 * months. Shares are percentages with one decimal, rounded half up; null when there is nothing to
 * divide by.
 */
@Schema(name = "Insights")
public record Insights(
        @Schema(description = "The shop's slug, or \"platform\"") String scope,
        @Schema(description = "Number of calendar months covered, the current one included") int months,
        @Schema(description = "First day covered (UTC)") LocalDate from,
        @Schema(description = "Published reviews written in the period") long reviews,
        @Schema(description = "Of which graded 5 or lower") long negativeReviews,
        @Schema(description = "Per complaint topic, most named by unhappy customers first") List<TopicFigure> topics,
        ChurnFigure churn,
        @Schema(description = "Month by month, oldest first") List<MonthFigure> trend,
        @Schema(description = "How negative reviews of the period were answered") ScoreView.Responses responses,
        @Schema(description = "The platform against the study of 46,000 negative reviews (platform only)", nullable = true)
        List<StudyFigure> study) {

    /** One topic: in how many negative reviews, and in how many reviews at all. */
    @Schema(name = "TopicFigure")
    public record TopicFigure(
            @Schema(enumeration = { "customer_service", "delivery", "stock", "product", "refund_return", "price", "website", "follow_up" })
            Topic topic,
            @Schema(description = "Negative reviews naming it") long negative,
            @Schema(description = "negative / negativeReviews, in %", nullable = true) BigDecimal negativeShare,
            @Schema(description = "All reviews naming it (a complaint can come with a good grade)") long all,
            @Schema(description = "all / reviews, in %", nullable = true) BigDecimal allShare) {
    }

    /** Customers who say they will not buy there again, and what they complained about. */
    @Schema(name = "ChurnFigure")
    public record ChurnFigure(
            long count,
            @Schema(description = "count / negativeReviews, in % (churn intent in a positive review is rare but counted)", nullable = true)
            BigDecimal shareOfNegative,
            @Schema(description = "The topics these customers named, most named first") List<TopicCount> topics) {
    }

    /** How many of a group named a topic. */
    @Schema(name = "TopicCount")
    public record TopicCount(Topic topic, long count, @Schema(description = "count / the group, in %", nullable = true) BigDecimal share) {
    }

    /** One month of the trend. */
    @Schema(name = "MonthFigure")
    public record MonthFigure(
            @Schema(examples = "2026-11") String month,
            long reviews,
            long negative,
            long churn,
            @Schema(description = "Negative reviews naming each topic") Map<Topic, Long> negativeByTopic) {
    }

    /** One line of the study's table, beside the platform's figure. */
    @Schema(name = "StudyFigure")
    public record StudyFigure(String measure, @Schema(description = "The study's figure, in %") BigDecimal study,
            @Schema(description = "The platform's figure, in %", nullable = true) BigDecimal platform) {
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
