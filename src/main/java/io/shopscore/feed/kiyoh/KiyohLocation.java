package io.shopscore.feed.kiyoh;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shop as KiYoh's publication API shows a location, with its newest reviews. The figures are the
 * shop's score (imported reviews never count in it); 0 where there is nothing to average.
 */
@Schema(name = "KiyohLocation")
@JsonPropertyOrder({ "locationId", "locationName", "averageRating", "numberReviews", "percentageRecommendation",
        "last12MonthAverageRating", "last12MonthNumberReviews", "last12MonthPercentageRecommendation", "viewReviewUrl",
        "createReviewUrl", "reviews" })
public record KiyohLocation(
        @Schema(description = "The shop's slug", examples = "demo") String locationId,
        @Schema(examples = "Demo Shop") String locationName,
        @Schema(description = "Mean grade 1-10, one decimal; 0 without reviews", examples = "8.3") BigDecimal averageRating,
        @Schema(examples = "128") long numberReviews,
        @Schema(description = "Whole percent of those who answered that would recommend; 0 when nobody answered", examples = "91")
        int percentageRecommendation,
        @Schema(examples = "8.5") BigDecimal last12MonthAverageRating,
        @Schema(examples = "90") long last12MonthNumberReviews,
        @Schema(examples = "93") int last12MonthPercentageRecommendation,
        @Schema(description = "The shop's public review page") String viewReviewUrl,
        @Schema(description = "Also the review page: reviews are written only through a customer's invitation") String createReviewUrl,
        @Schema(description = "Newest first") List<KiyohReview> reviews) {
}
