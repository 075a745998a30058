package io.shopscore.mail;

/** The mails Shopscore sends; each at most once per invitation. */
public enum MailKind {
    /** To the customer: please review your order. */
    INVITATION,
    /** To the customer, once, when no review came. */
    REMINDER,
    /** To the customer: the shop responded to your review. */
    RESPONSE_NOTICE,
    /** To the shop: a review graded 5 or lower just came in. */
    NEGATIVE_ALERT
}
