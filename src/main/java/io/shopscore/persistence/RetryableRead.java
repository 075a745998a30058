package io.shopscore.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a use case that only reads: when its connection to the database turns out to be broken
 * (the server restarted, failed over or ended it), it is run once more on a fresh connection
 * instead of failing the request. See {@link ReadRetry}. Never put it on anything that writes,
 * unless writing twice is harmless (the record of an API key's use): a write whose connection broke
 * may or may not have been committed.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryableRead {
}
