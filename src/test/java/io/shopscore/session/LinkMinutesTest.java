package io.shopscore.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The lifetime of a mailed sign-in link as the pages and the mail say it. */
class LinkMinutesTest {

    @Test
    void partMinutesAreRoundedUpAndNeverShownAsNone() {
        assertEquals(15, SignInService.minutesShown(Duration.ofMinutes(15)));
        assertEquals(2, SignInService.minutesShown(Duration.ofSeconds(90)));
        assertEquals(1, SignInService.minutesShown(Duration.ofSeconds(30)));
        assertEquals(1, SignInService.minutesShown(Duration.ofMillis(1)));
        assertEquals(1, SignInService.minutesShown(Duration.ZERO));
        assertEquals(61, SignInService.minutesShown(Duration.ofHours(1).plusNanos(1)));
    }
}
