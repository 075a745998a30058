package io.shopscore.insight;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.shopscore.insight.classify.Topic;
import io.shopscore.insight.totals.InsightMonth;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewSource;
import io.shopscore.review.ReviewStatus;
import io.shopscore.review.ReviewView;
import io.shopscore.score.Grade;
import io.shopscore.score.ScoreService;
import io.shopscore.score.ScoreView;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Reads insights from the monthly totals that InsightTotals keeps: a handful of rows per month,
 * whatever the number of reviews. Only drill-down lists read reviews, a page at a time.
 */
@ApplicationScoped
public class InsightService {

    public static final int MAX_MONTHS = 36;

    /** The study of 46,000 negative reviews of Dutch webshops that Shopscore's insights follow. */
    private static final BigDecimal STUDY_SERVICE_OR_DELIVERY = new BigDecimal("19.0");
    private static final BigDecimal STUDY_CHURN_OF_NEGATIVE = new BigDecimal("6.7");
    private static final BigDecimal STUDY_SERVICE_OF_CHURN = new BigDecimal("25.0");
    private static final BigDecimal STUDY_STOCK_OF_CHURN = new BigDecimal("10.0");

    private final Clock clock;
    private final ScoreService scores;

    public InsightService(Clock clock, ScoreService scores) {
        this.clock = clock;
        this.scores = scores;
    }

    /** The shop's insights over the last {@code months} calendar months. */
    @Transactional
    public Insights forShop(String slug, int months) {
        Shop shop = ShopService.require(slug);
        LocalDate from = firstDay(months);
        return build(slug, months, from, totals(shop.id(), from), scores.responsesSince(shop.id(), from), false);
    }

    /** The same over every shop, with the study's table beside it. */
    @Transactional
    public Insights forPlatform(int months) {
        LocalDate from = firstDay(months);
        return build("platform", months, from, totals(null, from), scores.responsesSince(null, from), true);
    }

    /** The shop's published reviews of the period, newest first, narrowed to a topic, churn intent and negative grades. */
    @Transactional
    public Page<TaggedReview> reviews(String slug, Topic topic, Boolean churn, Boolean negative, int months, PageRequest request) {
        Shop shop = ShopService.require(slug);
        // imported reviews count in no insight total, so they are not among the reviews behind them either
        StringBuilder query = new StringBuilder("shop = :shop and status = :published and source <> :imported and createdAt >= :from");
        Parameters parameters = Parameters.with("shop", shop).and("published", ReviewStatus.PUBLISHED).and("imported", ReviewSource.IMPORTED)
                .and("from", firstDay(months).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (topic != null) {
            query.append(" and id in (select t.reviewId from ReviewTopic t where t.shopId = :shopId and t.topic = :topic)");
            parameters = parameters.and("shopId", shop.id()).and("topic", topic);
        }
        if (churn != null) {
            query.append(" and churnIntent = :churn");
            parameters = parameters.and("churn", churn);
        }
        if (negative != null) {
            query.append((negative ? " and score <= " : " and score > ") + Grade.HIGHEST_NEGATIVE);
        }
        query.append(" order by createdAt desc, id desc");
        var found = Review.<Review>find(query.toString(), parameters);
        List<TaggedReview> items = found.page(request.page(), request.size()).list().stream()
                .map(review -> new TaggedReview(ReviewView.of(review), review.topicSet().stream().sorted().toList(), review.churnIntent()))
                .toList();
        return Page.of(items, request, found.count());
    }

    /** The trend as CSV, one line per month, for spreadsheets. Only numbers and fixed names: nothing a customer wrote. */
    @Transactional
    public byte[] csv(String slug, int months) {
        Insights insights = forShop(slug, months);
        StringBuilder csv = new StringBuilder("month,reviews,negative,churn");
        for (Topic topic : Topic.values()) {
            csv.append(",negative_").append(topic.code());
        }
        csv.append("\r\n");
        for (Insights.MonthFigure month : insights.trend()) {
            csv.append(month.month()).append(',').append(month.reviews()).append(',').append(month.negative()).append(',').append(month.churn());
            for (Topic topic : Topic.values()) {
                csv.append(',').append(month.negativeByTopic().getOrDefault(topic, 0L));
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Validates the period: 1 to 36 months. */
    public static int months(String value) {
        if (value == null || value.isEmpty()) {
            return 12;
        }
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_MONTHS) {
            throw ProblemException.invalid("months", "must be a whole number from 1 to " + MAX_MONTHS);
        }
        return Integer.parseInt(value);
    }

    private LocalDate firstDay(int months) {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months - 1L).atDay(1);
    }

    /** Sums of (month, dimension) since a day, for one shop or all. */
    private record Total(YearMonth month, String dimension, long all, long negative, long churn) {
    }

    private static List<Total> totals(Long shopId, LocalDate from) {
        String shop = shopId == null ? "" : " and m.shopId = :shopId";
        var query = InsightMonth.getEntityManager().createQuery("""
                select m.reviewMonth, m.dimension, sum(m.allCount), sum(m.negativeCount), sum(m.churnCount)
                from InsightMonth m where m.reviewMonth >= :from""" + shop + " group by m.reviewMonth, m.dimension", Object[].class)
                .setParameter("from", from);
        if (shopId != null) {
            query.setParameter("shopId", shopId);
        }
        return query.getResultList().stream().map(row -> new Total(YearMonth.from((LocalDate) row[0]), (String) row[1],
                (Long) row[2], (Long) row[3], (Long) row[4])).toList();
    }

    private Insights build(String scope, int months, LocalDate from, List<Total> totals, ScoreView.Responses responses,
            boolean withStudy) {
        Map<String, long[]> byDimension = new HashMap<>();
        Map<YearMonth, Map<String, Total>> byMonth = new HashMap<>();
        for (Total total : totals) {
            long[] sum = byDimension.computeIfAbsent(total.dimension(), dimension -> new long[3]);
            sum[0] += total.all();
            sum[1] += total.negative();
            sum[2] += total.churn();
            byMonth.computeIfAbsent(total.month(), month -> new HashMap<>()).put(total.dimension(), total);
        }
        long[] all = byDimension.getOrDefault(InsightMonth.ALL, new long[3]);
        long reviews = all[0];
        long negative = all[1];
        long churn = all[2];

        List<Insights.TopicFigure> topics = new ArrayList<>();
        List<Insights.TopicCount> churnTopics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            long[] sum = byDimension.getOrDefault(topic.code(), new long[3]);
            topics.add(new Insights.TopicFigure(topic, sum[1], Insights.percent(sum[1], negative), sum[0], Insights.percent(sum[0], reviews)));
            churnTopics.add(new Insights.TopicCount(topic, sum[2], Insights.percent(sum[2], churn)));
        }
        topics.sort(Comparator.comparingLong(Insights.TopicFigure::negative).reversed().thenComparing(Insights.TopicFigure::topic));
        churnTopics.sort(Comparator.comparingLong(Insights.TopicCount::count).reversed().thenComparing(Insights.TopicCount::topic));

        List<Insights.MonthFigure> trend = new ArrayList<>();
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (YearMonth month = YearMonth.from(from); !month.isAfter(current); month = month.plusMonths(1)) {
            Map<String, Total> rows = byMonth.getOrDefault(month, Map.of());
            Total monthAll = rows.get(InsightMonth.ALL);
            Map<Topic, Long> perTopic = new EnumMap<>(Topic.class);
            for (Topic topic : Topic.values()) {
                Total row = rows.get(topic.code());
                perTopic.put(topic, row == null ? 0 : row.negative());
            }
            trend.add(new Insights.MonthFigure(month.toString(), monthAll == null ? 0 : monthAll.all(),
                    monthAll == null ? 0 : monthAll.negative(), monthAll == null ? 0 : monthAll.churn(), perTopic));
        }

        List<Insights.StudyFigure> study = null;
        if (withStudy) {
            long[] serviceOrDelivery = byDimension.getOrDefault(InsightMonth.SERVICE_OR_DELIVERY, new long[3]);
            long[] service = byDimension.getOrDefault(Topic.CUSTOMER_SERVICE.code(), new long[3]);
            long[] stock = byDimension.getOrDefault(Topic.STOCK.code(), new long[3]);
            study = List.of(
                    new Insights.StudyFigure("Negative reviews naming customer service or delivery", STUDY_SERVICE_OR_DELIVERY,
                            Insights.percent(serviceOrDelivery[1], negative)),
                    new Insights.StudyFigure("Negative reviews saying they will never buy there again", STUDY_CHURN_OF_NEGATIVE,
                            Insights.percent(churn, negative)),
                    new Insights.StudyFigure("Of those leaving: naming customer service", STUDY_SERVICE_OF_CHURN,
                            Insights.percent(service[2], churn)),
                    new Insights.StudyFigure("Of those leaving: told after paying that the item was out of stock", STUDY_STOCK_OF_CHURN,
                            Insights.percent(stock[2], churn)));
        }
        return new Insights(scope, months, from, reviews, negative, topics,
                new Insights.ChurnFigure(churn, Insights.percent(churn, negative), churnTopics), trend, responses, study);
    }
}
