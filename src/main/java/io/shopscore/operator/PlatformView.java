package io.shopscore.operator;

import java.util.List;

/** The platform's insights as a page: the figures, a bar per complaint topic (SVG), the study and the months. */
public record PlatformView(int months, List<Integer> periods, long reviews, long negative, long churn, String respondedShare,
        String medianHours, List<Bar> topics, int chartHeight, List<Tick> ticks, List<Study> study, List<String> topicNames,
        List<Month> trend) {

    /** The width of the bars' plot area, in SVG units. */
    public static final int PLOT_WIDTH = 300;
    /** Where the bars start: the topic names sit left of it. */
    public static final int PLOT_LEFT = 170;

    /** A topic's share of the negative reviews, as a horizontal bar. */
    public record Bar(String label, String share, long count, int y, int width) {

        public int textY() {
            return y + 14;
        }

        public int barY() {
            return y + 3;
        }

        public int valueX() {
            return PLOT_LEFT + width + 6;
        }
    }

    /** A mark on the share axis (0 to the largest share, in %). */
    public record Tick(int x, String label) {
    }

    public record Study(String measure, String study, String platform) {
    }

    public record Month(String month, long reviews, long negative, long churn, List<Long> perTopic) {
    }

    public int axisY() {
        return chartHeight - 24;
    }

    public int tickLabelY() {
        return chartHeight - 8;
    }

    /** The whole chart's width: names, bars and room for the largest bar's value. */
    public int width() {
        return PLOT_LEFT + PLOT_WIDTH + 90;
    }

    public int plotLeft() {
        return PLOT_LEFT;
    }

    public int labelX() {
        return PLOT_LEFT - 8;
    }
}
