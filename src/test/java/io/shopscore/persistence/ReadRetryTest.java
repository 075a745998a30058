package io.shopscore.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.shop.Shop;

/**
 * A read whose connection broke is run once more, on a fresh transaction; nothing else is. The
 * failures are thrown by a read of this test, shaped as the PostgreSQL driver reports them.
 */
@QuarkusTest
class ReadRetryTest {

    @Inject
    FlakyReads reads;

    @BeforeEach
    void reset() {
        FlakyReads.calls.set(0);
    }

    @Test
    void aReadWhoseConnectionBrokeIsRunOnceMoreInATransactionOfItsOwn() {
        FlakyReads.failures = 1;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertEquals(Shop.count(), reads.countShops());
        assertEquals(2, FlakyReads.calls.get());

        reset();
        FlakyReads.failure = () -> new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertEquals(Shop.count(), reads.countShops());
        assertEquals(2, FlakyReads.calls.get());
    }

    @Test
    void aReadIsRunAtMostTwice() {
        FlakyReads.failures = 5;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("This connection has been closed.", "08003"));
        assertThrows(PersistenceException.class, reads::countShops);
        assertEquals(2, FlakyReads.calls.get());
    }

    /** A commit that meets a terminated connection can surface without the server's SQLSTATE. */
    @Test
    void aConnectionThatBrokeWithoutAStateIsRunOnceMoreToo() {
        FlakyReads.failures = 1;
        FlakyReads.failure = () -> new PersistenceException(new SQLRecoverableException("An I/O error occurred while sending to the backend."));
        assertEquals(Shop.count(), reads.countShops());
        assertEquals(2, FlakyReads.calls.get());
    }

    /** The transaction interceptor reports a failed commit as a checked RollbackException, not a runtime one. */
    @Test
    void aReadWhoseCommitMetABrokenConnectionIsRunOnceMore() {
        FlakyReads.failures = 1;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertEquals(Shop.count(), reads.countShopsFailingAtCommit());
        assertEquals(2, FlakyReads.calls.get());
    }

    @Test
    void aDatabaseThatCannotBeReachedOrATimeoutIsNotRetried() {
        FlakyReads.failures = 1;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
        assertThrows(PersistenceException.class, reads::countShops);
        assertEquals(1, FlakyReads.calls.get());

        reset();
        FlakyReads.failure = () -> new PersistenceException(new SQLTransientConnectionException("Sorry, acquisition timeout!"));
        assertThrows(PersistenceException.class, reads::countShops);
        assertEquals(1, FlakyReads.calls.get());

        reset();
        FlakyReads.failure = () -> new PersistenceException(new SQLException("canceling statement due to statement timeout", "57014"));
        assertThrows(PersistenceException.class, reads::countShops);
        assertEquals(1, FlakyReads.calls.get());
    }

    @Test
    void aFailureThatIsNotTheConnectionsIsNotRetried() {
        FlakyReads.failures = 1;
        IllegalStateException bug = new IllegalStateException("a fault of ours");
        FlakyReads.failure = () -> bug;
        assertSame(bug, assertThrows(IllegalStateException.class, reads::countShops));
        assertEquals(1, FlakyReads.calls.get());
    }

    @Test
    void insideSomeoneElsesTransactionTheReadIsNotRetried() {
        FlakyReads.failures = 1;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"));
        // that transaction holds the broken connection: only its owner can start again
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().call(reads::countShops));
        assertEquals(1, FlakyReads.calls.get());
    }

    @Test
    void aPageMadeOfSeveralReadsIsRunAtMostTwiceAsAWhole() {
        FlakyReads.failures = 3;
        FlakyReads.failure = () -> new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThrows(PersistenceException.class, reads::countShopsTwice);
        assertEquals(2, FlakyReads.calls.get(), "the inner reads do not retry on their own as well");

        reset();
        FlakyReads.failures = 1;
        assertEquals(2 * Shop.count(), reads.countShopsTwice());
        assertEquals(3, FlakyReads.calls.get());
    }

    @ApplicationScoped
    static class FlakyReads {

        // static: the test reaches this bean through its client proxy, whose own fields would be other ones
        static final AtomicInteger calls = new AtomicInteger();
        static volatile int failures;
        static volatile Supplier<RuntimeException> failure;

        @Inject
        FlakyReads self;

        @Transactional
        @RetryableRead
        long countShops() {
            long count = Shop.count();
            if (calls.incrementAndGet() <= failures) {
                throw failure.get();
            }
            return count;
        }

        @Inject
        TransactionSynchronizationRegistry registry;

        /** Reads, then fails at commit, as a read whose connection the server ended before the commit does. */
        @Transactional
        @RetryableRead
        long countShopsFailingAtCommit() {
            long count = Shop.count();
            if (calls.incrementAndGet() <= failures) {
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        throw failure.get();
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
            return count;
        }

        @RetryableRead
        long countShopsTwice() {
            return self.countShops() + self.countShops();
        }
    }
}
