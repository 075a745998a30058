package io.shopscore.insight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double EXACT = 1e-9;

    @Test
    void precisionRecallAndF1MatchHandComputedValues() {
        Metrics metrics = new Metrics(List.of("a"));
        // 3 true positives, 1 false positive, 2 false negatives, 4 true negatives
        record(metrics, "a", true, true, 3);
        record(metrics, "a", false, true, 1);
        record(metrics, "a", true, false, 2);
        record(metrics, "a", false, false, 4);

        Metrics.Counts a = metrics.counts("a");
        assertEquals(new Metrics.Counts(3, 1, 2), a);
        assertEquals(5, a.support());
        assertEquals(0.75, a.precision(), EXACT);          // 3 / (3 + 1)
        assertEquals(0.6, a.recall(), EXACT);              // 3 / (3 + 2)
        assertEquals(2 * 0.75 * 0.6 / 1.35, a.f1(), EXACT); // 0.6666...
    }

    @Test
    void macroF1IsTheUnweightedMeanOverLabels() {
        Metrics metrics = new Metrics(List.of("perfect", "half", "missed"));
        record(metrics, "perfect", true, true, 10);                 // F1 1
        record(metrics, "half", true, true, 1);                     // P 1/2, R 1/2, F1 1/2
        record(metrics, "half", false, true, 1);
        record(metrics, "half", true, false, 1);
        record(metrics, "missed", true, false, 3);                  // nothing found: F1 0

        assertEquals((1.0 + 0.5 + 0.0) / 3, metrics.macroF1(), EXACT);
    }

    @Test
    void aLabelWithNothingToFindAndNothingFoundScoresOne() {
        Metrics metrics = new Metrics(List.of("absent"));
        record(metrics, "absent", false, false, 5);

        Metrics.Counts absent = metrics.counts("absent");
        assertEquals(1.0, absent.precision(), EXACT);
        assertEquals(1.0, absent.recall(), EXACT);
        assertEquals(1.0, absent.f1(), EXACT);
    }

    @Test
    void onlyFalseAlarmsScoreZero() {
        Metrics metrics = new Metrics(List.of("noisy"));
        record(metrics, "noisy", false, true, 2);

        Metrics.Counts noisy = metrics.counts("noisy");
        assertEquals(0.0, noisy.precision(), EXACT);
        assertEquals(0.0, noisy.recall(), EXACT);
        assertEquals(0.0, noisy.f1(), EXACT);
    }

    @Test
    void tableListsEveryLabelAndTheMacroF1() {
        Metrics metrics = new Metrics(List.of("x", "y"));
        record(metrics, "x", true, true, 1);
        record(metrics, "y", true, false, 1);

        String table = metrics.markdownTable();
        assertTrue(table.contains("| x | 1 | 1 | 0 | 0 | 1.000 | 1.000 | 1.000 |"), table);
        assertTrue(table.contains("| y | 1 | 0 | 0 | 1 | 0.000 | 0.000 | 0.000 |"), table);
        assertTrue(table.contains("**0.500**"), table);
    }

    @Test
    void unknownLabelsAreRefused() {
        Metrics metrics = new Metrics(List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> metrics.record("z", true, true));
    }

    private static void record(Metrics metrics, String label, boolean expected, boolean predicted, int times) {
        for (int i = 0; i < times; i++) {
            metrics.record(label, expected, predicted);
        }
    }
}
