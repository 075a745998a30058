package io.shopscore.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAndTimeoutsAreTheDatabasesNotTheServices() {
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Acquisition timeout while waiting for new connection")));
        // a commit on a connection the server ended: the SQL error is only suppressed, not the cause
        RuntimeException commitFailed = new RuntimeException(new IllegalStateException("ARJUNA016053: Could not commit transaction."));
        commitFailed.getCause().addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction"));
        commitFailed.getCause().getSuppressed()[0].initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseUnavailable.isCause(commitFailed));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
    }

    @Test
    void theAnswerIsA503ThatSaysWhenToAskAgain() {
        ProblemException answer = DatabaseUnavailable.problem();
        assertEquals(503, answer.problem().status());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, answer.retryAfterSeconds().orElseThrow());
    }
}
