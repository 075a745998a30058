package io.shopscore.moderation;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the operator closed a report or a notice: the review went (upheld), or it stays (rejected). */
public enum Outcome {
    UPHELD, REJECTED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
