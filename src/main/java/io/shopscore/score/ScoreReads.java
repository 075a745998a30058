package io.shopscore.score;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The score reads as plain SQL: the totals row, and the last 12 months from month rows plus the
 * edge days of {@link RecentWindow}. A score read is what every badge on every shop's page costs on a
 * miss; done through Hibernate, about three quarters of its CPU went to translating the queries (an
 * IN list of a new length is a new query plan), loading entities and running a JTA transaction, and
 * about a tenth to the database. Here it is three statements on one connection, rows read into values.
 *
 * <p>Like the reads it replaces, each statement sees what was committed when it starts; a review
 * committed between two of them can show in one figure a moment before the other. Runs inside the
 * caller's transaction when there is one (the connection is then the transaction's).
 */
@ApplicationScoped
class ScoreReads {

    /** A shop's all-time totals, its grade distribution, and its figures of the last 12 months. */
    record Found(long shopId, String slug, String name, Tally total, GradeCounts grades, Tally last12Months, long negative,
            long responded, Map<Integer, Long> delayBuckets) {
    }

    /** The edge's sign, +1 or -1, typed so that both databases know what it multiplies. */
    private static final String SIGN = "cast(? as bigint)";

    private final DataSource database;

    ScoreReads(DataSource database) {
        this.database = database;
    }

    /** The known shops among these slugs, in no particular order. */
    List<Found> find(Collection<String> slugs, RecentWindow window) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        try (Connection connection = database.getConnection()) {
            Map<Long, Totals> totals = totals(connection, slugs);
            if (totals.isEmpty()) {
                return List.of();
            }
            Map<Long, Recent> recent = recent(connection, totals.keySet(), window);
            Map<Long, Map<Integer, Long>> delays = delays(connection, totals.keySet(), window);
            List<Found> found = new ArrayList<>(totals.size());
            totals.forEach((shopId, shop) -> {
                Recent last12 = recent.getOrDefault(shopId, Recent.NONE);
                found.add(new Found(shopId, shop.slug(), shop.name(), shop.total(), shop.grades(), last12.tally(), last12.negative(),
                        last12.responded(), delays.getOrDefault(shopId, Map.of())));
            });
            return found;
        } catch (SQLException e) {
            throw new ScoreReadFailed(e);
        }
    }

    private record Totals(String slug, String name, Tally total, GradeCounts grades) {
    }

    private record Recent(Tally tally, long negative, long responded) {
        static final Recent NONE = new Recent(Tally.empty(), 0, 0);
    }

    private static Map<Long, Totals> totals(Connection connection, Collection<String> slugs) throws SQLException {
        String sql = "select s.id, s.slug, s.name, sc.review_count, sc.score_sum, sc.recommend_yes, sc.recommend_no,"
                + " sc.grade_1, sc.grade_2, sc.grade_3, sc.grade_4, sc.grade_5, sc.grade_6, sc.grade_7, sc.grade_8, sc.grade_9, sc.grade_10"
                + " from shop s join shop_score sc on sc.shop_id = s.id where s.slug in (" + placeholders(slugs.size()) + ")";
        Map<Long, Totals> totals = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (String slug : slugs) {
                statement.setString(index++, slug);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long[] grades = new long[10];
                    for (int grade = 1; grade <= 10; grade++) {
                        grades[grade - 1] = row.getLong(7 + grade);
                    }
                    totals.put(row.getLong(1), new Totals(row.getString(2), row.getString(3),
                            new Tally(row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7)), GradeCounts.of(grades)));
                }
            }
        }
        return totals;
    }

    /** Per shop: the sums of its month rows of the window, with its edge days added or taken away, in one statement. */
    private static Map<Long, Recent> recent(Connection connection, Collection<Long> shopIds, RecentWindow window) throws SQLException {
        String in = placeholders(shopIds.size());
        String sql = "select shop_id, sum(review_count), sum(score_sum), sum(recommend_yes), sum(recommend_no),"
                + " sum(negative_count), sum(negative_responded) from ("
                + "select shop_id, review_count, score_sum, recommend_yes, recommend_no, negative_count, negative_responded"
                + " from score_month where shop_id in (" + in + ") and review_month >= ?"
                + " union all "
                + "select shop_id, " + SIGN + " * review_count, " + SIGN + " * score_sum, " + SIGN + " * recommend_yes, "
                + SIGN + " * recommend_no, " + SIGN + " * negative_count, " + SIGN + " * negative_responded from score_day where shop_id in (" + in + ") and review_day between ? and ?"
                + ") rows_of_window group by shop_id";
        Map<Long, Recent> recent = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindWindow(statement, shopIds, window, 6);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    recent.put(row.getLong(1), new Recent(new Tally(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)),
                            row.getLong(6), row.getLong(7)));
                }
            }
        }
        return recent;
    }

    /** Per shop and delay bucket: its month rows of the window, with its edge days added or taken away, in one statement. */
    private static Map<Long, Map<Integer, Long>> delays(Connection connection, Collection<Long> shopIds, RecentWindow window)
            throws SQLException {
        String in = placeholders(shopIds.size());
        String sql = "select shop_id, delay_bucket, sum(response_count) from ("
                + "select shop_id, delay_bucket, response_count from response_delay_month"
                + " where shop_id in (" + in + ") and review_month >= ?"
                + " union all "
                + "select shop_id, delay_bucket, " + SIGN + " * response_count from response_delay_day"
                + " where shop_id in (" + in + ") and review_day between ? and ?"
                + ") rows_of_window group by shop_id, delay_bucket";
        Map<Long, Map<Integer, Long>> delays = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindWindow(statement, shopIds, window, 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long count = row.getLong(3);
                    if (count != 0) {
                        delays.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(row.getInt(2), count);
                    }
                }
            }
        }
        return delays;
    }

    /**
     * Binds "month rows of these shops from the window's first month" and "edge days of these shops,
     * each column times the edge's sign", in the order both statements above ask for them.
     */
    private static void bindWindow(PreparedStatement statement, Collection<Long> shopIds, RecentWindow window, int signedColumns)
            throws SQLException {
        int index = 1;
        for (long shopId : shopIds) {
            statement.setLong(index++, shopId);
        }
        statement.setObject(index++, window.firstMonth());
        for (int column = 0; column < signedColumns; column++) {
            statement.setInt(index++, window.edgeSign());
        }
        for (long shopId : shopIds) {
            statement.setLong(index++, shopId);
        }
        statement.setObject(index++, window.edgeFrom());
        statement.setObject(index, window.edgeTo());
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** A score read the database refused; its cause is the SQLException, which the problem mapper and read retry look for. */
    static final class ScoreReadFailed extends RuntimeException {
        ScoreReadFailed(SQLException cause) {
            super("Reading scores failed", cause);
        }
    }
}
