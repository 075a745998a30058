package io.shopscore.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link RetryableRead} use case through {@link ReadRetry}. Ordered before the
 * {@code @Transactional} interceptor (PLATFORM_BEFORE + 200), so that the second run starts a
 * transaction of its own, on a connection of its own.
 */
@RetryableRead
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryableReadInterceptor {

    private final ReadRetry retry;

    public RetryableReadInterceptor(ReadRetry retry) {
        this.retry = retry;
    }

    @AroundInvoke
    Object runRetryingOnce(InvocationContext invocation) throws Exception {
        return retry.once(invocation::proceed);
    }
}
