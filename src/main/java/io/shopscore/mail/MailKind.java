package io.shopscore.mail;

import java.util.Arrays;
import java.util.List;

/** The mails Shopscore sends; the invitation, reminder and notices to the shop at most once per invitation. */
public enum MailKind {
    /** To the customer: please review your order. */
    INVITATION,
    /** To the customer, once, when no review came. */
    REMINDER,
    /** To the customer: the shop responded to your review. */
    RESPONSE_NOTICE,
    /** To the shop: a review graded 5 or lower just came in. */
    NEGATIVE_ALERT,
    /**
     * To the author, right after writing: their own edit link, and when the review is held, that it
     * is checked first and why (the statement of reasons of DSA article 17).
     */
    AUTHOR_LINK,
    /** To the author: their review was changed (through their edit link). */
    AUTHOR_UPDATED,
    /** To the author: moderation published their held review. */
    AUTHOR_PUBLISHED,
    /** To the author: moderation removed their review, with the statement of reasons (DSA article 17). */
    AUTHOR_REMOVED,
    /** To a shop's member: a single-use link to sign in to the dashboard. */
    SIGN_IN_LINK,
    /** To a shop's member: a colleague added them to the shop's dashboard. */
    MEMBER_ADDED;

    /** Mails the author's own actions or a moderation decision cause: sent even to an address that opted out of review mails. */
    boolean isAboutTheAuthorsReview() {
        return name().startsWith("AUTHOR_");
    }

    /** Mails to the shop's own people, about their work: a customer's opt-out from review mails does not touch them. */
    boolean isToTheShop() {
        return this == NEGATIVE_ALERT || this == SIGN_IN_LINK || this == MEMBER_ADDED;
    }

    /**
     * Whether an address's opt-out stops this mail: the shop's review mails do, while mails about the
     * author's own review and mails to the shop's own people go out whatever the address opted out of.
     */
    boolean followsOptOuts() {
        return !isToTheShop() && !isAboutTheAuthorsReview();
    }

    /** The kinds an opt-out stops ({@link #followsOptOuts}), for statements over many mails. */
    static List<MailKind> stoppedByOptOuts() {
        return Arrays.stream(values()).filter(MailKind::followsOptOuts).toList();
    }
}
