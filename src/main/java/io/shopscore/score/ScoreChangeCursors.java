package io.shopscore.score;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.keys.ServiceKeys;
import io.shopscore.problem.ProblemException;

/**
 * Cursors of the change feed: a position and a keyed hash of it ({@code 42.Xy3...}), so that a
 * cursor the service did not issue (made up, cut short, from another installation) is refused
 * instead of silently skipping or repeating changes. Every instance shares the key, so a cursor
 * from one instance works on all.
 */
@ApplicationScoped
public class ScoreChangeCursors {

    /** 16 bytes of the HMAC: enough that guessing one is hopeless, short enough for a URL. */
    private static final int SIGNATURE_CHARS = 22;
    private static final int MAX_CURSOR_CHARS = 19 + 1 + SIGNATURE_CHARS;

    private final ServiceKeys keys;

    public ScoreChangeCursors(ServiceKeys keys) {
        this.keys = keys;
    }

    public String issue(long position) {
        return position + "." + signature(position);
    }

    /** The position a cursor stands for; the beginning (0) without one; 400 naming {@code after} for any other text. */
    public long position(String cursor) {
        if (cursor == null) {
            return 0;
        }
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_CURSOR_CHARS || dot < 1 || !cursor.substring(0, dot).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw notIssued();
        }
        long position;
        try {
            position = Long.parseLong(cursor.substring(0, dot));
        } catch (NumberFormatException tooLarge) {
            throw notIssued();
        }
        if (!MessageDigest.isEqual(signature(position).getBytes(StandardCharsets.US_ASCII),
                cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw notIssued();
        }
        return position;
    }

    private String signature(long position) {
        return keys.urlSafe(ServiceKeys.Purpose.SCORE_CHANGE_CURSOR, Long.toString(position)).substring(0, SIGNATURE_CHARS);
    }

    private static ProblemException notIssued() {
        return ProblemException.invalid("after", "is not a cursor this service issued: use the next of an earlier answer, or leave it out to start at the beginning");
    }
}
