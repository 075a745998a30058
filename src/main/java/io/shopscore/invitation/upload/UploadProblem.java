package io.shopscore.invitation.upload;

import java.io.Serializable;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One stored {@link RowProblem} of a rejected upload, at its place in the list. */
@Entity
@Table(name = "invitation_upload_problem")
@IdClass(UploadProblem.Key.class)
public class UploadProblem extends PanacheEntityBase {

    @Id
    private Long uploadId;

    @Id
    private Integer position;

    @Column(nullable = false)
    private int line;

    @Column(nullable = false, length = 40)
    private String field;

    @Column(nullable = false, length = 500)
    private String message;

    protected UploadProblem() {
    }

    static UploadProblem of(long uploadId, int position, RowProblem problem) {
        UploadProblem stored = new UploadProblem();
        stored.uploadId = uploadId;
        stored.position = position;
        stored.line = problem.line();
        stored.field = problem.field().length() > 40 ? problem.field().substring(0, 40) : problem.field();
        stored.message = problem.message().length() > 500 ? problem.message().substring(0, 500) : problem.message();
        return stored;
    }

    static List<RowProblem> of(long uploadId) {
        return UploadProblem.<UploadProblem>list("uploadId", Sort.by("position"), uploadId).stream()
                .map(problem -> new RowProblem(problem.line, problem.field, problem.message))
                .toList();
    }

    /** The primary key: one row per upload and place. */
    public record Key(Long uploadId, Integer position) implements Serializable {
    }
}
