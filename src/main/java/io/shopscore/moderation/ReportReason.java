package io.shopscore.moderation;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a shop asks the operator to look at a review. JSON reads and writes the lower-case names. */
public enum ReportReason {
    NOT_A_CUSTOMER, OFFENSIVE, PERSONAL_DATA, OTHER;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
