package io.shopscore.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.insight.classify.Topic;
import io.shopscore.shop.ShopService;

/** Lays out a shop's insights as a page: labels in its language and chart geometry. */
@ApplicationScoped
public class InsightPages {

    static final List<Integer> PERIODS = List.of(3, 6, 12, 24);
    private static final int BAR_STEP = 30;
    /**
     * At most this many month labels under the trend: a label ("janv. 25") is up to about 60 units
     * wide, and four of them leave at least 80 of the chart's 360 units to each, whatever the period.
     */
    static final int MONTH_LABELS = 4;

    private final InsightService insights;
    private final ShopService shops;
    private final Formats formats;

    public InsightPages(InsightService insights, ShopService shops, Formats formats) {
        this.insights = insights;
        this.shops = shops;
        this.formats = formats;
    }

    /** The page of a shop's insights, served at {@code address} (its period links and CSV download stay there). */
    public InsightPage page(String slug, String address, int months, String language) {
        var shop = shops.find(slug).orElseThrow();
        String lang = language != null ? language : shop.locale();
        Messages text = MessageBundles.get(Messages.class, Localized.Literal.of(lang));
        Insights figures = insights.forShop(slug, months);

        List<InsightPage.Bar> bars = new ArrayList<>();
        BigDecimal largest = figures.topics().stream().map(Insights.TopicFigure::negativeShare)
                .filter(share -> share != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int y = 0;
        for (Insights.TopicFigure topic : figures.topics()) {
            BigDecimal share = topic.negativeShare() == null ? BigDecimal.ZERO : topic.negativeShare();
            int width = largest.signum() == 0 ? 0
                    : share.multiply(BigDecimal.valueOf(InsightPage.CHART_WIDTH)).divide(largest, RoundingMode.HALF_UP).intValue();
            bars.add(new InsightPage.Bar(label(topic.topic(), text), percent(share, lang), topic.negative(), y, width));
            y += BAR_STEP;
        }

        List<InsightPage.Column> columns = new ArrayList<>();
        long highest = figures.trend().stream().mapToLong(Insights.MonthFigure::negative).max().orElse(0);
        int slot = InsightPage.CHART_WIDTH / Math.max(1, figures.trend().size());
        DateTimeFormatter monthLabel = DateTimeFormatter.ofPattern("MMM yy", Locale.forLanguageTag(lang));
        // Labels every step months, counted back from the newest month, so the newest is always named.
        int step = Math.max(1, (figures.trend().size() + MONTH_LABELS - 1) / MONTH_LABELS);
        for (int i = 0; i < figures.trend().size(); i++) {
            Insights.MonthFigure month = figures.trend().get(i);
            int negativeHeight = highest == 0 ? 0 : (int) Math.round((double) month.negative() * (InsightPage.TREND_HEIGHT - 10) / highest);
            int churnHeight = highest == 0 ? 0 : (int) Math.round((double) Math.min(month.churn(), month.negative()) * (InsightPage.TREND_HEIGHT - 10) / highest);
            String label = YearMonth.parse(month.month()).format(monthLabel);
            boolean labelled = (figures.trend().size() - 1 - i) % step == 0;
            columns.add(new InsightPage.Column(label, labelled ? label : null, month.negative(), month.churn(),
                    i * slot + slot / 6, Math.max(2, slot * 2 / 3), negativeHeight, churnHeight));
        }

        List<InsightPage.ChurnTopic> churnTopics = figures.churn().topics().stream().filter(topic -> topic.count() > 0)
                .map(topic -> new InsightPage.ChurnTopic(label(topic.topic(), text), topic.count(), percent(topic.share(), lang)))
                .toList();
        List<String> topicNames = List.of(Topic.values()).stream().map(topic -> label(topic, text)).toList();
        List<InsightPage.Row> table = figures.trend().stream().map(month -> new InsightPage.Row(
                YearMonth.parse(month.month()).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag(lang))),
                month.reviews(), month.negative(), month.churn(),
                List.of(Topic.values()).stream().map(topic -> month.negativeByTopic().getOrDefault(topic, 0L)).toList())).toList();

        var responses = figures.responses();
        return new InsightPage(lang, shop.name(), address, months, PERIODS, figures.reviews(), figures.negativeReviews(),
                figures.churn().count(), responses.percentage() == null ? "–" : responses.percentage() + "%",
                responses.medianHours() == null ? "–" : text.insightsHours(formats.decimal(responses.medianHours(), lang)),
                bars, Math.max(BAR_STEP, y), columns, churnTopics, topicNames, table);
    }

    private String percent(BigDecimal share, String lang) {
        return share == null ? "–" : formats.decimal(share, lang) + "%";
    }

    /** The topic's name in the reader's language (the dashboard's filters use it too). */
    public static String label(Topic topic, Messages text) {
        return switch (topic) {
            case CUSTOMER_SERVICE -> text.topicCustomerService();
            case DELIVERY -> text.topicDelivery();
            case STOCK -> text.topicStock();
            case PRODUCT -> text.topicProduct();
            case REFUND_RETURN -> text.topicRefundReturn();
            case PRICE -> text.topicPrice();
            case WEBSITE -> text.topicWebsite();
            case FOLLOW_UP -> text.topicFollowUp();
        };
    }
}
