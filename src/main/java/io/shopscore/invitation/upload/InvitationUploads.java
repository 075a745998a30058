package io.shopscore.invitation.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.invitation.CreateInvitation;
import io.shopscore.invitation.InvitationChecks;
import io.shopscore.invitation.InvitationService;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;

/**
 * Invites the customers of a CSV of orders, as a job with a page of its own. The file is read and
 * its header checked while the upload waits (a file that cannot be read is refused at once); then
 * a job checks every row against the rules of the API ({@link InvitationChecks}), and only when
 * every row is right stores all the invitations through {@link InvitationService#inviteAll} in one
 * transaction, together with the job's outcome. A file with one bad row stores nothing, and a job
 * that dies half-way has stored nothing either.
 */
@ApplicationScoped
public class InvitationUploads {

    /** The largest file taken. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** The most orders in one file. */
    public static final int MAX_ROWS = 20_000;
    /** How many uploads the shop's page lists. */
    private static final int RECENT = 5;
    /** How often a job reports how far it is. */
    private static final int REPORT_EVERY = 500;
    /** A running job that has not reported for this long has stopped (its process ended). */
    private static final Duration SILENT = Duration.ofMinutes(10);
    /** The one import transaction may take this long for the largest file on a slow database. */
    private static final int IMPORT_TIMEOUT_SECONDS = 900;

    private static final Logger LOG = Logger.getLogger(InvitationUploads.class);

    private final Clock clock;
    private final InvitationChecks checks;
    private final InvitationService invitations;
    // One job at a time per instance: an import is one long transaction, and two at once would
    // only compete for the same database.
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "invitation-upload");
        thread.setDaemon(true);
        return thread;
    });

    public InvitationUploads(Clock clock, InvitationChecks checks, InvitationService invitations) {
        this.clock = clock;
        this.checks = checks;
        this.invitations = invitations;
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
    }

    /**
     * Reads the file and starts its job; returns the job's id. 413 for a file over {@link #MAX_BYTES}
     * or {@link #MAX_ROWS}, 400 for one that is not UTF-8 CSV with a known header.
     */
    public long start(long shopId, String slug, String fileName, byte[] bytes) {
        OrderFile.Read file = OrderFile.read(bytes, MAX_BYTES, MAX_ROWS);
        String name = fileName == null || fileName.isBlank() ? "orders.csv" : fileName.strip();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            // one file of a shop at a time: a waiting file holds its rows in memory, and one shop
            // posting many would fill it and hold up every other shop's uploads
            if (InvitationUpload.runningSince(shopId, clock.instant().minus(SILENT))) {
                throw ProblemException.conflict("An upload of this shop is still being checked or imported; wait until it is done.");
            }
            InvitationUpload upload = InvitationUpload.start(shopId, name, file.rows().size(), clock.instant());
            upload.persist();
            return upload.id();
        });
        jobs.execute(() -> run(id, slug, file.rows()));
        return id;
    }

    /** The upload of the shop with this id. */
    @Transactional
    public Optional<UploadView> find(long shopId, long id) {
        return InvitationUpload.ofShop(shopId, id).map(upload -> view(upload, true));
    }

    /** The shop's newest uploads, without their problems. */
    @Transactional
    public List<UploadView> recent(long shopId) {
        return InvitationUpload.newest(shopId, RECENT).stream().map(upload -> view(upload, false)).toList();
    }

    private UploadView view(InvitationUpload upload, boolean withProblems) {
        boolean interrupted = upload.state().running() && upload.updatedAt().isBefore(clock.instant().minus(SILENT));
        return new UploadView(upload.id(), upload.fileName(), upload.state(), interrupted, upload.totalRows(), upload.doneRows(),
                upload.invited(), upload.already(), upload.problemCount(), withProblems ? upload.problems() : List.of(),
                upload.outcome(), upload.createdAt());
    }

    private void run(long id, String slug, List<OrderFile.Row> rows) {
        try {
            List<RowProblem> problems = new ArrayList<>();
            List<CreateInvitation> requests = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                check(rows.get(i), problems, requests);
                if ((i + 1) % REPORT_EVERY == 0) {
                    report(id, UploadState.CHECKING, i + 1);
                }
            }
            if (!problems.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> upload(id).rejected(problems, clock.instant()));
                return;
            }
            report(id, UploadState.IMPORTING, 0);
            QuarkusTransaction.requiringNew().timeout(IMPORT_TIMEOUT_SECONDS).run(() -> {
                InvitationService.Batch batch = invitations.inviteAll(slug, requests, done -> {
                    if (done % REPORT_EVERY == 0 && done < requests.size()) {
                        report(id, UploadState.IMPORTING, done);
                    }
                });
                // in the import's own transaction: the outcome is stored exactly when the invitations are
                upload(id).imported(batch.invited(), batch.already(), clock.instant());
            });
        } catch (ProblemException e) {
            fail(id, e.getMessage());
        } catch (RuntimeException e) {
            if (UniqueConstraint.isUniqueViolation(e)) {
                fail(id, "Another request invited one of these orders at the same moment. Nothing was imported; upload the file again.");
            } else {
                LOG.errorf(e, "Upload %d of %s failed", id, slug);
                fail(id, "The import failed unexpectedly. Nothing was imported; upload the file again.");
            }
        }
    }

    /** Checks a row with the API's rules; a bad row adds its problems, a good one its request. */
    private void check(OrderFile.Row row, List<RowProblem> problems, List<CreateInvitation> requests) {
        if (row.problem() != null) {
            problems.add(row.problem());
            return;
        }
        List<Problem.Violation> violations = checks.violations(row.request());
        if (violations.isEmpty()) {
            requests.add(row.request());
        } else {
            violations.forEach(violation -> problems.add(
                    new RowProblem(row.line(), OrderColumn.headerOfField(violation.field()), violation.message())));
        }
    }

    /** How far the job is, in a transaction of its own, so the page sees it while the import's transaction is still open. */
    private void report(long id, UploadState state, int done) {
        QuarkusTransaction.requiringNew().run(() -> upload(id).progress(state, done, clock.instant()));
    }

    private void fail(long id, String why) {
        try {
            QuarkusTransaction.requiringNew().run(() -> upload(id).failed(why, clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Upload %d failed, and so did recording it", id);
        }
    }

    private static InvitationUpload upload(long id) {
        return InvitationUpload.<InvitationUpload>findByIdOptional(id).orElseThrow();
    }
}
