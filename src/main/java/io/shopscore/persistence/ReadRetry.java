package io.shopscore.persistence;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.shopscore.problem.DatabaseUnavailable;

/**
 * A read that failed because its connection broke is run once more. When PostgreSQL restarts or a
 * managed database fails over, every connection the pool holds dies; validation on borrow keeps
 * most of them from ever reaching a request, but a connection can still die while a request uses
 * it. A read changes nothing, so running it again on a fresh connection is always safe, and the
 * client never sees the blink.
 *
 * <p>"Fresh" is meant literally: one broken connection means the others were most likely ended in
 * the same moment, and a connection whose server is still ending it can pass validation a
 * millisecond before it dies. So before the second run every connection of the pool is retired
 * (idle ones at once, those in use when they are returned; {@link #retireConnectionsIfBroken}),
 * and the second run waits a moment for that, then gets a connection made after the failure.
 *
 * <p>Only a connection that was open and broke is retried (the server ended it, or the network
 * did): a database that cannot be reached at all, a full pool or a statement timeout would fail
 * the same way again, and the request is better answered with a quick 503. Only the outermost read
 * retries, so a page built from several reads runs at most twice, and never inside a transaction
 * that someone else began: that transaction holds the broken connection, and only its owner can
 * start again.
 */
@ApplicationScoped
public class ReadRetry {

    private static final Logger LOG = Logger.getLogger(ReadRetry.class);

    /**
     * SQLSTATEs of database failures that a second run would meet again: no connection could be
     * made (08001, 08004), the server is starting or shutting down and takes none (57P03), a
     * statement or lock ran out of time (57014, 55P03), a deadlock (40P01, the writer's to retry).
     * Every other failure of the database is a connection that was open and broke (08003, 08006,
     * 08007, 57P01, 57P02, or one the driver or Hibernate reports without a state, as happens when a
     * commit meets a terminated connection).
     */
    private static final Set<String> NOT_A_BROKEN_CONNECTION = Set.of("08001", "08004", "57P03", "57014", "55P03", "40P01");

    private static final ThreadLocal<Boolean> RETRYING = new ThreadLocal<>();

    /** Time for the pool's housekeeping thread to retire the old connections before the second run. */
    private static final long RETIREMENT_MILLIS = 300;

    private final TransactionManager transactions;
    private final AgroalDataSource pool;

    public ReadRetry(TransactionManager transactions, AgroalDataSource pool) {
        this.transactions = transactions;
        this.pool = pool;
    }

    /**
     * When this failure is a connection that broke, retires every connection the pool holds (the
     * idle ones at once, the ones in use when they are given back) and waits a moment for that, so
     * that what runs next gets a connection made after the failure. Returns whether it did.
     */
    public boolean retireConnectionsIfBroken(Throwable failure) {
        if (!brokeItsConnection(failure)) {
            return false;
        }
        // twice: a connection that another request was validating during the first flush escapes it
        for (int flush = 0; flush < 2; flush++) {
            pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
            try {
                Thread.sleep(RETIREMENT_MILLIS / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    /** Runs the read; if its connection broke, runs it once more and returns or throws what the second run does. */
    public <T> T once(Callable<T> read) throws Exception {
        if (RETRYING.get() != null || inTransaction()) {
            return read.call();
        }
        RETRYING.set(Boolean.TRUE);
        try {
            try {
                return read.call();
            } catch (Exception failure) {
                // not only runtime exceptions: a read whose commit meets a terminated connection comes
                // out of the transaction interceptor as a checked RollbackException
                if (!retireConnectionsIfBroken(failure)) {
                    throw failure;
                }
                LOG.infof("A read lost its database connection (%s); reading again on a fresh one", failure.getMessage());
                return read.call();
            }
        } finally {
            RETRYING.remove();
        }
    }

    /** As {@link #once(Callable)}, for reads that throw no checked exception. */
    public <T> T onceUnchecked(Callable<T> read) {
        try {
            return once(read);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    /**
     * Whether this failure is a connection that was open and broke: a failure of the database (as
     * {@link DatabaseUnavailable} tells them from faults of the service) that is not one of those a
     * second run would meet again, and not a pool that had no connection to give in time.
     */
    static boolean brokeItsConnection(Throwable failure) {
        if (!DatabaseUnavailable.isCause(failure)) {
            return false;
        }
        for (Throwable cause : DatabaseUnavailable.chain(failure)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLTimeoutException) {
                return false;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && NOT_A_BROKEN_CONNECTION.contains(sql.getSQLState())) {
                return false;
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                return false;
            }
        }
        return true;
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }
}
