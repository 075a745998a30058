package io.shopscore.review;

/**
 * A change to a review committed. Fired by {@link ReviewChanges} for after-commit work only
 * (caches, metrics), observed with {@code during = AFTER_SUCCESS}: what a change does inside its
 * transaction is listed in {@link ReviewChanges#apply}, not left to observers. Carries what those
 * observers need, so none of them reads the review again.
 */
public record ReviewChanged(Change change, long reviewId, long shopId, String shopSlug) {

    public enum Change {
        /** A customer wrote it (published at once, or held for moderation). */
        WRITTEN,
        /** Its customer changed it. */
        UPDATED,
        /** The shop responded to it for the first time. */
        RESPONDED,
        /** The shop changed its response. */
        RESPONSE_CHANGED,
        /** The operator let a held review through. */
        PUBLISHED,
        /** The operator took it down. */
        REMOVED,
        /** Its author withdrew it, and was erased. */
        WITHDRAWN,
        /**
         * The shop imported reviews from another service: one event for the whole import, naming
         * the last review it stored (the caches need the shop, not each review).
         */
        IMPORTED
    }
}
