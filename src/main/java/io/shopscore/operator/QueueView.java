package io.shopscore.operator;

import java.util.List;

/**
 * The moderation queue as the console shows it: each review with everything needed to decide about it.
 *
 * @param shop the slug of the one shop shown, or null for every shop
 */
public record QueueView(List<Entry> entries, String shop, int page, boolean hasPrevious, boolean hasNext, long total) {

    /**
     * A review waiting for a decision.
     *
     * @param heldFor  why the content screen held it (link, email, phone), as labels
     * @param publishable whether "publish" applies: a review held back
     * @param keepable whether "keep" applies: a published review that was reported or noticed
     */
    public record Entry(long reviewId, String shop, String status, List<String> heldFor, int grade, String band, String title,
            String text, String displayName, String writtenOn, String orderRef, String email, List<Report> reports,
            List<Notice> notices, List<TrailLine> trail, boolean publishable, boolean keepable) {
    }

    /** A shop's open report. */
    public record Report(String reason, String comment, String on) {
    }

    /** Anyone's open notice (DSA article 16), with the notifier's address when they gave one. */
    public record Notice(long id, String reason, String explanation, String email, String on) {
    }

    /** One line of the review's own audit trail: every hold with its reasons, every report, notice and decision. */
    public record TrailLine(String actor, String action, String reason, String at) {
    }
}
