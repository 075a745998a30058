package io.shopscore.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** "Last 12 months" read from month rows and a few edge days counts exactly the 365 days up to today. */
class RecentWindowTest {

    @Test
    void everyDayOfFourYearsSeesExactlyItsLast365DaysWithFewRows() {
        // 2027 to 2030 holds a leap day (2028-02-29), every month length and both ways of cutting the oldest month
        for (LocalDate today = LocalDate.of(2027, 1, 1); today.isBefore(LocalDate.of(2031, 1, 1)); today = today.plusDays(1)) {
            RecentWindow window = RecentWindow.endingOn(today);
            LocalDate from = today.minusDays(364);
            for (LocalDate day = from.minusDays(70); !day.isAfter(today.plusDays(40)); day = day.plusDays(1)) {
                int expected = day.isBefore(from) ? 0 : 1; // days after today were always counted: nothing changes for them
                assertEquals(expected, timesCounted(window, day), "day " + day + " read on " + today);
            }
            long edgeDays = Math.max(0, ChronoUnit.DAYS.between(window.edgeFrom(), window.edgeTo()) + 1);
            assertTrue(edgeDays <= 15, "edge days read on " + today + ": " + edgeDays);
            long months = ChronoUnit.MONTHS.between(window.firstMonth(), ScoreMonth.monthOf(today)) + 1;
            assertTrue(months <= 13, "month rows read on " + today + ": " + months);
        }
    }

    /** How often a review written on this day is counted: by its month row, and plus or minus by its day row. */
    private static int timesCounted(RecentWindow window, LocalDate day) {
        int counted = ScoreMonth.monthOf(day).isBefore(window.firstMonth()) ? 0 : 1;
        if (!day.isBefore(window.edgeFrom()) && !day.isAfter(window.edgeTo())) {
            counted += window.edgeSign();
        }
        return counted;
    }
}
