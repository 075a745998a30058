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

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 36;
    private static final int TOP = 12;
    private static final int PLOT_HEIGHT = 180;

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
        return new Overview(lang, session.slug(), session.shopName(), session.member(), session.formToken(),
                formats.decimal(score.average(), lang), score.count(), score.recommendPercentage(),
                responses.negativeReviews(), responses.responded(), responses.percentage(), formats.decimal(responses.medianHours(), lang),
                chart(scores.months(session.shopId(), MONTHS), lang), waiting, newest);
    }

    /** Grades 1-10 on the left axis, months along the bottom; a month without reviews has no point. */
    Overview.Chart chart(List<MonthScore> months, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        int step = (WIDTH - LEFT) / months.size();
        List<Overview.Tick> ticks = new ArrayList<>();
        for (int grade = 0; grade <= Grade.HIGHEST; grade += 2) {
            ticks.add(new Overview.Tick(y(BigDecimal.valueOf(grade)), Integer.toString(grade)));
        }
        List<Overview.Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthScore month = months.get(i);
            int x = LEFT + i * step;
            String label = month.month().getMonth().getDisplayName(TextStyle.SHORT, locale)
                    + (i == 0 || month.month().getMonthValue() == 1 ? " " + month.month().getYear() % 100 : "");
            columns.add(new Overview.Column(x, x + step / 2, label, month.count(), formats.decimal(month.average(), lang),
                    month.average() == null ? null : y(month.average()),
                    month.average() == null ? null : Grade.Band.of(month.average().doubleValue()).css()));
        }
        String line = columns.stream().filter(column -> column.pointY() != null)
                .map(column -> column.labelX() + "," + column.pointY()).collect(Collectors.joining(" "));
        return new Overview.Chart(WIDTH, HEIGHT, ticks, columns, line);
    }

    private static int y(BigDecimal grade) {
        return TOP + PLOT_HEIGHT - grade.multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(BigDecimal.TEN).intValue();
    }
}
