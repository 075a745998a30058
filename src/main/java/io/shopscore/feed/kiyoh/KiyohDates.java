package io.shopscore.feed.kiyoh;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

import io.shopscore.problem.ProblemException;

/**
 * KiYoh's dates. KiYoh writes {@code 2019-06-03T16:00:24.278Z}: UTC, milliseconds and a literal
 * {@code Z} (the fixtures of public KiYoh clients show it), so that is what this feed writes. As a
 * Java pattern the Z must be quoted: an unquoted {@code Z} would print {@code +0000}.
 */
final class KiyohDates {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Offsets as KiYoh's clients send them: {@code Z}, {@code +02:00}, {@code +0200}, or none (UTC). */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private KiyohDates() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * A date from a query: KiYoh's own format, any ISO 8601 date-time (with an offset, or without
     * one meaning UTC) or a date alone (its start in UTC). Null or blank: no filter. Anything else
     * is a 400 naming the parameter, because a filter silently dropped would hand a syncing client
     * every review as if it were new.
     */
    static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace(' ', '+');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            var parsed = OFFSET_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2024-05-01 or 2024-05-01T12:00:00.000Z");
        }
    }
}
