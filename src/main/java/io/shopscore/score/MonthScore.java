package io.shopscore.score;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shop's reviews of one UTC calendar month, from its month row: how many, and their mean grade (null without any). */
public record MonthScore(LocalDate month, long count, BigDecimal average) {
}
