package io.shopscore.score;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How many reviews gave each grade from 1 to 10: one column per grade, so one row holds a shop's distribution. */
@Embeddable
public class GradeCounts {

    @Column(name = "grade_1", nullable = false)
    private long grade1;
    @Column(name = "grade_2", nullable = false)
    private long grade2;
    @Column(name = "grade_3", nullable = false)
    private long grade3;
    @Column(name = "grade_4", nullable = false)
    private long grade4;
    @Column(name = "grade_5", nullable = false)
    private long grade5;
    @Column(name = "grade_6", nullable = false)
    private long grade6;
    @Column(name = "grade_7", nullable = false)
    private long grade7;
    @Column(name = "grade_8", nullable = false)
    private long grade8;
    @Column(name = "grade_9", nullable = false)
    private long grade9;
    @Column(name = "grade_10", nullable = false)
    private long grade10;

    /** From the counts of grades 1 to 10, in that order. */
    static GradeCounts of(long[] counts) {
        GradeCounts grades = new GradeCounts();
        grades.grade1 = counts[0];
        grades.grade2 = counts[1];
        grades.grade3 = counts[2];
        grades.grade4 = counts[3];
        grades.grade5 = counts[4];
        grades.grade6 = counts[5];
        grades.grade7 = counts[6];
        grades.grade8 = counts[7];
        grades.grade9 = counts[8];
        grades.grade10 = counts[9];
        return grades;
    }

    void apply(int grade, int sign) {
        switch (grade) {
            case 1 -> grade1 += sign;
            case 2 -> grade2 += sign;
            case 3 -> grade3 += sign;
            case 4 -> grade4 += sign;
            case 5 -> grade5 += sign;
            case 6 -> grade6 += sign;
            case 7 -> grade7 += sign;
            case 8 -> grade8 += sign;
            case 9 -> grade9 += sign;
            case 10 -> grade10 += sign;
            default -> throw new IllegalArgumentException("A grade is 1 to 10, not " + grade);
        }
    }

    /** {"1": n1, ..., "10": n10}, every grade present, in order. */
    public Map<String, Long> asMap() {
        long[] counts = { grade1, grade2, grade3, grade4, grade5, grade6, grade7, grade8, grade9, grade10 };
        Map<String, Long> map = new LinkedHashMap<>();
        for (int grade = 1; grade <= 10; grade++) {
            map.put(Integer.toString(grade), counts[grade - 1]);
        }
        return map;
    }
}
