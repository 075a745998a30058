package io.shopscore.persistence;

/** Where an outbox entry stands. */
public enum OutboxState {
    /** Waiting until it is due, or until its next attempt after a failure. */
    PENDING,
    /** Claimed by one sender, which is sending it now. */
    SENDING,
    /** Sent (a mail) or delivered (a webhook call). */
    DONE,
    /** Given up: the last attempt failed, or one failed in a way no retry can mend. */
    FAILED,
    /** Not sent because it was no longer needed or wanted. */
    SKIPPED
}
