package io.shopscore.operator;

import java.time.Duration;

/** A console session just opened: the cookie to set, and for how long. */
public record NewOperatorSession(String cookie, Duration maxAge) {
}
