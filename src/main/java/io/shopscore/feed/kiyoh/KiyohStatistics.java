package io.shopscore.feed.kiyoh;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A location's figures without reviews, as KiYoh's statistics endpoint answers. */
@Schema(name = "KiyohStatistics")
@JsonPropertyOrder({ "locationId", "locationName", "averageRating", "numberReviews", "percentageRecommendation", "recommendation",
        "last12MonthAverageRating", "last12MonthNumberReviews", "last12MonthPercentageRecommendation", "last12MonthRecommendation",
        "viewReviewUrl", "createReviewUrl", "locationActive" })
public record KiyohStatistics(
        @Schema(examples = "demo") String locationId,
        @Schema(examples = "Demo Shop") String locationName,
        @Schema(examples = "8.3") BigDecimal averageRating,
        @Schema(examples = "128") long numberReviews,
        @Schema(examples = "91") int percentageRecommendation,
        @Schema(description = "The same as percentageRecommendation", examples = "91") int recommendation,
        @Schema(examples = "8.5") BigDecimal last12MonthAverageRating,
        @Schema(examples = "90") long last12MonthNumberReviews,
        @Schema(examples = "93") int last12MonthPercentageRecommendation,
        @Schema(description = "The same as last12MonthPercentageRecommendation", examples = "93") int last12MonthRecommendation,
        String viewReviewUrl,
        String createReviewUrl,
        @Schema(description = "Always true") boolean locationActive) {

    static KiyohStatistics of(KiyohLocation location) {
        return new KiyohStatistics(location.locationId(), location.locationName(), location.averageRating(), location.numberReviews(),
                location.percentageRecommendation(), location.percentageRecommendation(), location.last12MonthAverageRating(),
                location.last12MonthNumberReviews(), location.last12MonthPercentageRecommendation(),
                location.last12MonthPercentageRecommendation(), location.viewReviewUrl(), location.createReviewUrl(), true);
    }
}
