package io.shopscore.persistence;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.Panache;
import io.shopscore.problem.ProblemException;

/**
 * Uniqueness is enforced by the database, not by a look before the insert, so that two requests
 * racing for the same slug, order or review cannot both win. The loser's insert fails on flush and
 * becomes a 409; its transaction rolls back, leaving nothing half-written.
 */
public final class UniqueConstraint {

    private UniqueConstraint() {
    }

    /** Flushes pending inserts now, turning a unique-key violation into a 409 with the given detail. */
    public static void flushOrConflict(String detail) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw ProblemException.conflict(detail);
            }
            throw e;
        }
    }

    /** Whether this failure is a violation of the named unique key (names compared as the databases report them). */
    public static boolean isViolationOf(Throwable e, String constraintName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                String name = violation.getConstraintName();
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                        && name != null && name.toLowerCase(java.util.Locale.ROOT).contains(constraintName.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}
