package io.shopscore.session;

import java.time.Duration;

/** A session just opened: the cookie to set, for how long, and the shop whose dashboard it opens. */
public record NewSession(String cookie, Duration maxAge, String slug) {
}
