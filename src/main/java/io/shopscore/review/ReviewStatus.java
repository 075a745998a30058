package io.shopscore.review;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a review stands. Only published reviews show and count in the score. */
public enum ReviewStatus {
    /** Public and counted. */
    PUBLISHED,
    /** Waiting for the operator, because its text contains a link, an email address or a phone number. */
    PENDING,
    /** Taken down by the operator, with a public reason. */
    REMOVED,
    /** Withdrawn by its author; counts nowhere and shows nowhere. */
    WITHDRAWN;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
