package io.shopscore.score;

/**
 * A review's contribution to its shop's totals moved from {@code before} to {@code after} (either
 * may be null: counted in, counted out). Fired inside the transaction while the shop's score row is
 * locked, so observers that keep other per-shop totals are serialised with the score itself.
 */
public record CountsMoved(long shopId, CountedReview before, CountedReview after) {
}
