package io.shopscore.dashboard;

import java.util.List;

import io.shopscore.session.SignedIn;

/**
 * One of the shop's reviews with everything that happened to it: its response and who wrote it,
 * its moderation state, why it was held, the shop's reports and how they ended, the operator's
 * decisions, and the texts its author replaced.
 *
 * @param versionsHidden the earlier texts are not shown: moderation removed the review for personal data they may hold
 */
public record ReviewDetailsPage(String lang, SignedIn session, long id, int grade, String band, String title, String text,
        String author, String writtenOn, String changedOn, boolean imported, boolean verified, String status, String removalReason,
        String removedOn, String response, String respondedOn, String respondedBy, List<Line> holds, List<Report> reports,
        List<Line> decisions, List<Version> versions, boolean versionsHidden) {

    /** A line of the audit trail: what happened, why, and when. */
    public record Line(String action, String reason, String on) {
    }

    /** One of the shop's reports: why, who, when, and the operator's outcome (null while it waits). */
    public record Report(String reason, String comment, String reportedBy, String on, String outcome, String resolvedOn) {
    }

    /** A text the author replaced. */
    public record Version(int version, int grade, String band, String title, String text, String writtenOn, String replacedOn) {
    }
}
