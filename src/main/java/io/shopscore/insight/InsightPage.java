package io.shopscore.insight;

import java.util.List;

/**
 * The insights page, with the geometry of its two charts worked out, so the template only draws.
 * {@code address} is where the page is served (the link's {@code /insights/{token}}, or the
 * dashboard's {@code /dashboard/{slug}/insights}); its period links and CSV download stay there.
 */
public record InsightPage(
        String lang,
        String shopName,
        String address,
        int months,
        List<Integer> periods,
        long reviews,
        long negative,
        long churn,
        String respondedShare,
        String medianHours,
        List<Bar> topics,
        int topicsHeight,
        List<Column> trend,
        List<ChurnTopic> churnTopics,
        List<String> topicNames,
        List<Row> table) {

    /** Width of the chart area for bars and columns, in SVG user units. */
    public static final int CHART_WIDTH = 360;
    public static final int TREND_HEIGHT = 160;

    /** One horizontal bar: a topic's share of the negative reviews. */
    public record Bar(String label, String share, long count, int y, int width) {

        public int textY() {
            return y + 16;
        }

        public int barY() {
            return y + 4;
        }

        public int valueX() {
            return width + 196;
        }
    }

    /**
     * One month's column: negative reviews, and the part of them with churn intent. {@code label}
     * names the month (for the bar's tooltip); {@code axisLabel} is null for the months the axis
     * leaves unlabelled, so that the labels shown never overlap.
     */
    public record Column(String label, String axisLabel, long negative, long churn, int x, int width, int negativeHeight, int churnHeight) {

        public int negativeY() {
            return TREND_HEIGHT - negativeHeight;
        }

        public int churnY() {
            return TREND_HEIGHT - churnHeight;
        }

        public int middle() {
            return x + width / 2;
        }
    }

    /** A topic named by customers who will not buy again. */
    public record ChurnTopic(String label, long count, String share) {
    }

    /** A month of the data table. */
    public record Row(String month, long reviews, long negative, long churn, List<Long> perTopic) {
    }

    public boolean hasChurn() {
        return churn > 0;
    }

    public String csvUrl() {
        return address + "/export.csv?months=" + months;
    }

    public String periodUrl(int period) {
        return address + "?months=" + period + "&lang=" + lang;
    }
}
