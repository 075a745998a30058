package io.shopscore.invitation.upload;

/** Where an upload of orders stands. */
public enum UploadState {
    /** Its rows are being checked against the rules of the API. */
    CHECKING,
    /** Every row was right; the invitations are being stored, all in one transaction. */
    IMPORTING,
    /** Stored: every row has its invitation. */
    IMPORTED,
    /** At least one row was wrong: nothing was stored, and the page names every wrong row. */
    REJECTED,
    /** Storing failed as a whole (the quota, a clash with another request): nothing was stored. */
    FAILED;

    public boolean running() {
        return this == CHECKING || this == IMPORTING;
    }
}
