package io.shopscore.score;

import java.time.LocalDate;

/**
 * "Last 12 months", the 365 UTC days up to and including today, read from month rows: every month
 * row from {@code firstMonth} on, with the day rows from {@code edgeFrom} to {@code edgeTo} added
 * ({@code edgeSign} +1) or taken away (-1) to cut the oldest month where the window starts. Of the
 * two ways to cut it (take away its days before the window, or leave the month out and add its days
 * in the window), the one with fewer days is chosen, so a read touches at most 13 month rows and 15
 * day rows. Rows of days after today, which the old day sum counted, are counted here too.
 */
record RecentWindow(LocalDate firstMonth, LocalDate edgeFrom, LocalDate edgeTo, int edgeSign) {

    static final int DAYS = 365;

    static RecentWindow endingOn(LocalDate today) {
        LocalDate from = today.minusDays(DAYS - 1);
        LocalDate oldestMonth = ScoreMonth.monthOf(from);
        int daysBefore = from.getDayOfMonth() - 1;
        int daysWithin = from.lengthOfMonth() - daysBefore;
        if (daysBefore <= daysWithin) {
            // an empty range (edgeFrom after edgeTo) when the window starts on the 1st
            return new RecentWindow(oldestMonth, oldestMonth, from.minusDays(1), -1);
        }
        return new RecentWindow(oldestMonth.plusMonths(1), from, from.withDayOfMonth(from.lengthOfMonth()), +1);
    }
}
