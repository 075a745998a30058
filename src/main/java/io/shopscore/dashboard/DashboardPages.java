package io.shopscore.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.paging.PageRequest;
import io.shopscore.review.ReviewService;
import io.shopscore.review.ReviewView;
import io.shopscore.score.Grade;
import io.shopscore.score.MonthScore;
import io.shopscore.score.ScoreService;
import io.shopscore.score.ScoreView;
import io.shopscore.session.SignedIn;

/** Puts the overview together from the score (never recounted), its month rows and the reviews. */
@ApplicationScoped
public class DashboardPages {

    static final int MONTHS = 12;
    static final int NEWEST = 5;
    static final int WAITING = 10;

    /**
     * Where the month chart's parts go, in SVG units. The chart scales with the page, so its text
     * does too: drawn 640 wide on a phone its labels would shrink to 5 px. So a phone gets a chart
     * drawn about as wide as it is shown (280 units in some 300 px), where 12 and 13 unit text
     * stays 12 and 13 px, with a month named every third column so the names still fit.
     */
    record Geometry(String name, int width, int height, int left, int right, int top, int plotHeight, int monthY, int countY,
            int labelEvery) {
    }

    static final Geometry WIDE = new Geometry("wide", 640, 240, 36, 0, 12, 180, 214, 232, 1);
    /** Room on the right for the newest month's name, centred under the last column in larger text. */
    static final Geometry NARROW = new Geometry("narrow", 280, 204, 28, 14, 10, 140, 174, 196, 3);

    private final Clock clock;
    private final ScoreService scores;
    private final ReviewService reviews;
    private final Formats formats;

    public DashboardPages(Clock clock, ScoreService scores, ReviewService reviews, Formats formats) {
        this.clock = clock;
        this.scores = scores;
        this.reviews = reviews;
        this.formats = formats;
    }

    public Overview overview(SignedIn session, String lang) {
        ScoreView score = scores.find(session.slug()).orElseThrow();
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of(lang));
        List<Overview.Waiting> waiting = reviews.awaitingResponse(session.shopId(), WAITING).stream()
                .map(review -> new Overview.Waiting(review.id(), review.score(), review.title(), review.text(),
                        formats.date(review.createdAt(), lang), Duration.between(review.createdAt(), clock.instant()).toDays()))
                .toList();
        List<Overview.Recent> newest = reviews.published(session.slug(), new PageRequest(0, NEWEST)).items().stream()
                .map(review -> new Overview.Recent(review.id(), review.score(), new Grade(review.score()).band().css(), review.title(), review.text(),
                        review.displayName() != null ? review.displayName() : messages.verifiedCustomer(),
                        formats.date(review.createdAt(), lang), review.response() != null))
                .toList();
        ScoreView.Responses responses = score.responses();
        List<MonthScore> months = scores.months(session.shopId(), MONTHS);
        return new Overview(lang, session.slug(), session.shopName(), session.member(), session.formToken(),
                formats.decimal(score.average(), lang), score.count(), score.recommendPercentage(),
                responses.negativeReviews(), responses.responded(), responses.percentage(), formats.decimal(responses.medianHours(), lang),
                chart(months, lang, WIDE), chart(months, lang, NARROW), waiting, newest);
    }

    /**
     * Grades 0-10 on the left axis, months along the bottom; a month without reviews has no point.
     * Months are named every {@code labelEvery} columns, counted back from the newest, which is always named.
     */
    Overview.Chart chart(List<MonthScore> months, String lang, Geometry geometry) {
        Locale locale = Locale.forLanguageTag(lang);
        int step = (geometry.width() - geometry.left() - geometry.right()) / months.size();
        List<Overview.Tick> ticks = new ArrayList<>();
        for (int grade = 0; grade <= Grade.HIGHEST; grade += 2) {
            ticks.add(new Overview.Tick(y(BigDecimal.valueOf(grade), geometry), Integer.toString(grade)));
        }
        List<Overview.Column> columns = new ArrayList<>();
        boolean yearShown = false;
        for (int i = 0; i < months.size(); i++) {
            MonthScore month = months.get(i);
            int x = geometry.left() + i * step;
            boolean labelled = (months.size() - 1 - i) % geometry.labelEvery() == 0;
            String name = month.month().getMonth().getDisplayName(TextStyle.SHORT, locale);
            // the year on the first month named and on every January named
            boolean withYear = labelled && (!yearShown || month.month().getMonthValue() == 1);
            yearShown |= labelled;
            String label = name + (withYear ? " " + month.month().getYear() % 100 : "");
            columns.add(new Overview.Column(x, x + step / 2, label, labelled, month.count(), formats.decimal(month.average(), lang),
                    month.average() == null ? null : y(month.average(), geometry),
                    month.average() == null ? null : Grade.Band.of(month.average().doubleValue()).css()));
        }
        String line = columns.stream().filter(column -> column.pointY() != null)
                .map(column -> column.labelX() + "," + column.pointY()).collect(Collectors.joining(" "));
        return new Overview.Chart(geometry.name(), geometry.width(), geometry.height(), geometry.left() - 6, geometry.left() - 12,
                geometry.monthY(), geometry.countY(), ticks, columns, line);
    }

    private static int y(BigDecimal grade, Geometry geometry) {
        return geometry.top() + geometry.plotHeight()
                - grade.multiply(BigDecimal.valueOf(geometry.plotHeight())).divide(BigDecimal.TEN).intValue();
    }
}
