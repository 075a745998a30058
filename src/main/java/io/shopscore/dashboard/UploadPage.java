package io.shopscore.dashboard;

import java.util.List;

import io.shopscore.invitation.upload.RowProblem;
import io.shopscore.session.SignedIn;

/** A file of orders as its job page shows it: progress while it runs, then what came of it. */
public record UploadPage(String lang, SignedIn session, long id, String fileName, String stateKey, String stateLabel, boolean running,
        int total, int done, String progress, String summary, List<RowProblem> problems, int moreProblems, String failure,
        boolean rejected, String createdOn) {
}
