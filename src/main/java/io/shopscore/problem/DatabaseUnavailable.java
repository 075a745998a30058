package io.shopscore.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells a failure of the database (unreachable, no free connection in time, a statement or lock
 * that ran out of time) from a fault in the service. The first is the client's to retry: 503 with
 * {@code Retry-After}; only the second is a 500.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATE values that mean "the database, not the request": the connection classes (08...),
     * PostgreSQL's shutdown and recovery states, and its statement and lock timeouts.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03", "40P01");

    /** What a 503 asks the client to wait: a database restart or failover is over in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** The answer to a request that failed because the database could not serve it: 503 with {@code Retry-After}. */
    public static ProblemException problem() {
        return ProblemException.unavailable(
                "The service cannot reach its database at this moment; nothing was changed. Please try again in a few seconds.",
                RETRY_AFTER_SECONDS);
    }

    /**
     * This failure, its causes, and the exceptions suppressed along the way: a commit that fails
     * on a broken connection arrives as a RollbackException with the SQL error only suppressed.
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && chain.size() < 50) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            chain.add(current);
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            next.addAll(Arrays.asList(current.getSuppressed()));
        }
        return chain;
    }

    /** Whether this failure, or any cause of it, says the database could not serve the request. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // Agroal's pool: no connection became free within quarkus.datasource.jdbc.acquisition-timeout
            if (cause instanceof SQLException && cause.getMessage() != null && cause.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
