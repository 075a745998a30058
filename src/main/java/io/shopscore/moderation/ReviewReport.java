package io.shopscore.moderation;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A shop's request to the operator to look at one of its reviews. Open until the operator decides. */
@Entity
@Table(name = "review_report")
public class ReviewReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_report_seq")
    @SequenceGenerator(name = "review_report_seq", sequenceName = "review_report_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long reviewId;

    /** The shop that reported, so that its reports can be counted publicly without a join. */
    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ReportReason reason;

    @Column(length = 1000)
    private String comment;

    @Column(nullable = false)
    private Instant createdAt;

    /** Who reported: a member's address, "api-key" or "api"; for the shop's eyes only. Null when not recorded. */
    @Column(length = 254, updatable = false)
    private String reportedBy;

    private Instant resolvedAt;

    /** Null while open. */
    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private Outcome outcome;

    protected ReviewReport() {
    }

    static ReviewReport open(long reviewId, long shopId, ReportReason reason, String comment, String reportedBy, Instant now) {
        ReviewReport report = new ReviewReport();
        report.reportedBy = reportedBy;
        report.reviewId = reviewId;
        report.shopId = shopId;
        report.reason = reason;
        report.comment = comment;
        report.createdAt = now;
        return report;
    }

    static List<ReviewReport> openFor(long reviewId) {
        return list("reviewId = ?1 and resolvedAt is null", Sort.ascending("createdAt"), reviewId);
    }

    static List<ReviewReport> openFor(List<Long> reviewIds) {
        return reviewIds.isEmpty() ? List.of()
                : list("reviewId in ?1 and resolvedAt is null", Sort.ascending("createdAt"), reviewIds);
    }

    /** Every report of the review, open or closed, oldest first. */
    static List<ReviewReport> allFor(long reviewId) {
        return list("reviewId", Sort.ascending("createdAt", "id"), reviewId);
    }

    /** Which of these reviews have a report still waiting for the operator. */
    static List<Long> openAmong(List<Long> reviewIds) {
        return reviewIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("select distinct r.reviewId from ReviewReport r where r.reviewId in :ids and r.resolvedAt is null",
                        Long.class).setParameter("ids", reviewIds).getResultList();
    }

    void resolve(Outcome outcome, Instant now) {
        this.outcome = outcome;
        resolvedAt = now;
    }

    /** The shop's reports opened since then, in total and by outcome: one grouped count over its index. */
    static ReportCounts countByShopSince(long shopId, Instant since) {
        List<Object[]> rows = getEntityManager().createQuery("""
                select r.outcome, count(r) from ReviewReport r where r.shopId = :shopId and r.createdAt >= :since
                group by r.outcome""", Object[].class)
                .setParameter("shopId", shopId)
                .setParameter("since", since)
                .getResultList();
        long total = 0;
        long upheld = 0;
        long rejected = 0;
        for (Object[] row : rows) {
            long count = (Long) row[1];
            total += count;
            if (row[0] == Outcome.UPHELD) {
                upheld = count;
            } else if (row[0] == Outcome.REJECTED) {
                rejected = count;
            }
        }
        return new ReportCounts(total, upheld, rejected);
    }

    Long id() {
        return id;
    }

    Long reviewId() {
        return reviewId;
    }

    /** A report as the shop and the operator see it. */
    public record View(long id, ReportReason reason, String comment, Instant createdAt) {
    }

    View view() {
        return new View(id, reason, comment, createdAt);
    }

    /** A report as the shop that made it sees it: who reported, and how the operator closed it (null outcome while open). */
    public record ShopView(long id, ReportReason reason, String comment, String reportedBy, Instant createdAt, Outcome outcome,
            Instant resolvedAt) {
    }

    ShopView shopView() {
        return new ShopView(id, reason, comment, reportedBy, createdAt, outcome, resolvedAt);
    }
}
