package io.shopscore.operator;

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

/**
 * One line of the console's audit trail: who did what, when, to which shop or review, and why.
 * Written in the transaction of the change itself, so a change without its line cannot exist; only
 * ever inserted.
 */
@Entity
@Table(name = "operator_action")
public class OperatorAction extends PanacheEntityBase {

    /** What the operator did (at most 20 characters: the column's length). */
    public enum Kind {
        SHOP_CREATED, REVIEW_PUBLISHED, REVIEW_REMOVED, REVIEW_KEPT,
        /** The shop's contact address set, replaced or removed; the reason holds the old and the new one. */
        CONTACT_CHANGED
    }

    private static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "operator_action_seq")
    @SequenceGenerator(name = "operator_action_seq", sequenceName = "operator_action_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false, length = OperatorSignIn.MAX_NAME)
    private String operator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Kind action;

    @Column(nullable = false, updatable = false, length = 64)
    private String shopSlug;

    @Column(updatable = false)
    private Long reviewId;

    @Column(updatable = false, length = REASON_LENGTH)
    private String reason;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected OperatorAction() {
    }

    static void record(String operator, Kind action, String shopSlug, Long reviewId, String reason, Instant now) {
        OperatorAction line = new OperatorAction();
        line.operator = operator;
        line.action = action;
        line.shopSlug = shopSlug;
        line.reviewId = reviewId;
        line.reason = reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
        line.createdAt = now;
        line.persist();
    }

    /** Newest first. */
    static List<OperatorAction> newest(int page, int size) {
        return findAll(Sort.descending("createdAt", "id")).page(page, size).list();
    }

    String operator() {
        return operator;
    }

    Kind action() {
        return action;
    }

    String shopSlug() {
        return shopSlug;
    }

    Long reviewId() {
        return reviewId;
    }

    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }
}
