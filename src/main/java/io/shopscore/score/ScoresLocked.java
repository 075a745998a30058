package io.shopscore.score;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The score rows of these shops are locked for a batch of reviews written on these days: other
 * totals kept beside the score may load the rows the batch will move, all at once.
 */
public record ScoresLocked(Collection<Long> shopIds, Collection<LocalDate> days) {
}
