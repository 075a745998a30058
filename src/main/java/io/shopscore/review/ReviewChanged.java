package io.shopscore.review;

/**
 * Something happened to a review. Fired inside the transaction that did it, so observers can keep
 * derived data in step (or act after commit with {@code during = AFTER_SUCCESS}).
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
        WITHDRAWN
    }
}
