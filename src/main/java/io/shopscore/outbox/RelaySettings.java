package io.shopscore.outbox;

import java.time.Duration;

/**
 * How {@link OutboxRelay} sends one kind of entry.
 *
 * @param batch entries claimed together (one transaction to claim them, one to prepare them)
 * @param concurrency how many lanes are sent at once, each on its own thread (for mail: SMTP connections)
 * @param recordEvery how many results one transaction records: more is faster, but if the process
 *        dies, up to this many messages that were sent but not yet recorded are sent again
 * @param lease how long a claim holds: after it, another sender may take the entry over, and this
 *        sender sends nothing more of it
 */
public record RelaySettings(int batch, int concurrency, int recordEvery, Duration lease) {

    public RelaySettings {
        if (batch < 1 || concurrency < 1 || recordEvery < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("batch, concurrency and recordEvery must be at least 1, the lease positive");
        }
    }
}
