package io.shopscore.invitation.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A CSV of orders a shop uploaded, as a job: how far its check and import are and how it ended.
 * The rows themselves are never stored (they hold customers' addresses), only counts and the
 * problems of a rejected file.
 */
@Entity
@Table(name = "invitation_upload")
public class InvitationUpload extends PanacheEntityBase {

    /** The problems kept of a rejected file; a file with more is mostly wrong in the same way. */
    static final int KEPT_PROBLEMS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_upload_seq")
    @SequenceGenerator(name = "invitation_upload_seq", sequenceName = "invitation_upload_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Column(nullable = false, updatable = false, length = 255)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private UploadState state;

    @Column(nullable = false, updatable = false)
    private int totalRows;

    /** Rows checked (while checking) or stored (while importing). */
    @Column(nullable = false)
    private int doneRows;

    @Column(nullable = false)
    private int invited;

    /** Rows whose order had an invitation already (the API's rule: the order keeps it). */
    @Column(nullable = false)
    private int already;

    @Column(nullable = false)
    private int problemCount;

    /** Why the upload failed as a whole. */
    @Column(length = 500)
    private String outcome;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected InvitationUpload() {
    }

    static InvitationUpload start(long shopId, String fileName, int totalRows, Instant now) {
        InvitationUpload upload = new InvitationUpload();
        upload.shopId = shopId;
        upload.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        upload.state = UploadState.CHECKING;
        upload.totalRows = totalRows;
        upload.createdAt = now;
        upload.updatedAt = now;
        return upload;
    }

    /** Whether the shop has an upload that is checked or imported now and reported since {@code since}. */
    static boolean runningSince(long shopId, Instant since) {
        return count("shopId = ?1 and state in ?2 and updatedAt >= ?3", shopId,
                java.util.List.of(UploadState.CHECKING, UploadState.IMPORTING), since) > 0;
    }

    static Optional<InvitationUpload> ofShop(long shopId, long id) {
        return InvitationUpload.<InvitationUpload>findByIdOptional(id).filter(upload -> upload.shopId == shopId);
    }

    static List<InvitationUpload> newest(long shopId, int limit) {
        return InvitationUpload.<InvitationUpload>find("shopId", Sort.descending("createdAt", "id"), shopId).page(0, limit).list();
    }

    void progress(UploadState now, int done, Instant at) {
        state = now;
        doneRows = done;
        updatedAt = at;
    }

    void rejected(List<RowProblem> problems, Instant now) {
        state = UploadState.REJECTED;
        problemCount = problems.size();
        for (int i = 0; i < Math.min(problems.size(), KEPT_PROBLEMS); i++) {
            UploadProblem.of(id, i, problems.get(i)).persist();
        }
        updatedAt = now;
    }

    void imported(int invitedNow, int alreadyInvited, Instant now) {
        state = UploadState.IMPORTED;
        doneRows = totalRows;
        invited = invitedNow;
        already = alreadyInvited;
        updatedAt = now;
    }

    void failed(String why, Instant now) {
        state = UploadState.FAILED;
        outcome = why.length() > 500 ? why.substring(0, 500) : why;
        updatedAt = now;
    }

    List<RowProblem> problems() {
        return state == UploadState.REJECTED ? UploadProblem.of(id) : List.of();
    }

    Long id() {
        return id;
    }

    String fileName() {
        return fileName;
    }

    UploadState state() {
        return state;
    }

    int totalRows() {
        return totalRows;
    }

    int doneRows() {
        return doneRows;
    }

    int invited() {
        return invited;
    }

    int already() {
        return already;
    }

    int problemCount() {
        return problemCount;
    }

    String outcome() {
        return outcome;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
