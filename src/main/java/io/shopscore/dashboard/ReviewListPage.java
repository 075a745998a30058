package io.shopscore.dashboard;

import java.util.List;

import io.shopscore.session.SignedIn;

/**
 * What the Reviews page shows: the filters, one page of the shop's reviews with their state and
 * forms, and the links to the pages before and after.
 *
 * @param error       the field of a bad filter or form value (a 400), or "conflict" (a 409); null when all is well
 * @param errorReview the review whose form was bad; null for a bad filter
 * @param postedText  what was posted in the bad response form, shown again so nothing typed is lost
 */
public record ReviewListPage(String lang, SignedIn session, ReviewFilter filter, List<Item> items, long total, int page, int pages,
        String previousQuery, String nextQuery, String currentQuery, List<Option> bands, List<Option> topics, List<Option> sources,
        List<Option> reasons, String error, Long errorReview, String postedText) {

    /** One review of the list, with what the shop may do about it. */
    public record Item(long id, int grade, String band, String title, String text, String author, String writtenOn, boolean imported,
            String status, String heldBecause, String removalReason, boolean reported, String response, String respondedBy,
            List<String> topics, boolean respondable, boolean reportable) {
    }

    /** A choice of a filter or form, and whether it is the one chosen now. */
    public record Option(String value, String label, boolean selected) {
    }

    public boolean hasError(String field) {
        return field.equals(error);
    }

    /** Whether the form of this review is the one that was bad. */
    public boolean errorAt(long reviewId, String field) {
        return errorReview != null && errorReview == reviewId && field.equals(error);
    }
}
