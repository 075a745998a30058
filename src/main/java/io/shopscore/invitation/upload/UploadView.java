package io.shopscore.invitation.upload;

import java.time.Instant;
import java.util.List;

/**
 * An upload as its page shows it. {@code done} counts the rows checked while checking and the rows
 * stored while importing. {@code interrupted}: the job stopped reporting while it ran (the process
 * ended); since an upload is stored in one transaction together with its outcome, nothing of it
 * was stored then.
 */
public record UploadView(long id, String fileName, UploadState state, boolean interrupted, int total, int done, int invited,
        int already, int problemCount, List<RowProblem> problems, String outcome, Instant createdAt) {

    public boolean running() {
        return state.running() && !interrupted;
    }
}
