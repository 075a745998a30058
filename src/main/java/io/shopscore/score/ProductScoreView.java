package io.shopscore.score;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's public score: the api-v1 score object, with the product's sku and name instead of the shop's slug. */
@Schema(name = "ProductScore")
public record ProductScoreView(
        @Schema(description = "The shop's product code", examples = "TSHIRT-RED-M") String sku,
        @Schema(description = "The product's name, from the newest invitation that named it", examples = "T-shirt, red, M") String name,
        @Schema(description = "Mean grade 1-10, one decimal, rounded half up", examples = "8.3") BigDecimal average,
        @Schema(description = "Unrounded mean / 2, one decimal, rounded half up (0-5)", examples = "4.2") BigDecimal stars,
        @Schema(description = "Number of published reviews that graded the product", examples = "12") long count,
        @Schema(description = "Always null: customers are asked whether they recommend the shop, not each product", nullable = true)
        Integer recommendPercentage,
        @Schema(description = "Number of grades per grade, keys \"1\" to \"10\"") Map<String, Long> distribution,
        @Schema(description = "The same figures over reviews written in the last 365 days") ScoreView.RecentScore last12Months,
        @Schema(description = "The product's public review page", examples = "http://localhost:8080/shops/demo/products/TSHIRT-RED-M")
        String reviewPageUrl) {

    static ProductScoreView of(String sku, String name, Tally total, GradeCounts grades, Tally last12Months, String reviewPageUrl) {
        return new ProductScoreView(sku, name, total.average(), total.stars(), total.count(), null, grades.asMap(),
                ScoreView.RecentScore.of(last12Months), reviewPageUrl);
    }
}
