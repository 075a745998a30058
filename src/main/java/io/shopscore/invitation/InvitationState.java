package io.shopscore.invitation;

import com.fasterxml.jackson.annotation.JsonValue;

import io.shopscore.problem.ProblemException;

/** Where an invitation stands: waiting for a review, answered by one, or past its expiry unanswered. */
public enum InvitationState {
    PENDING, REVIEWED, EXPIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }

    /** Parses {@code pending}, {@code reviewed} or {@code expired}; null when absent. */
    public static InvitationState parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (InvitationState state : values()) {
            if (state.json().equals(value)) {
                return state;
            }
        }
        throw ProblemException.invalid("state", "must be pending, reviewed or expired");
    }
}
