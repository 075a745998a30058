package io.shopscore.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the dashboard's Reviews page, used in templates as {@code {msgReviews:key}}, in
 * {@code messages/msgReviews_<language>.properties}. A bundle of its own rather than more keys in
 * {@link io.shopscore.i18n.Messages}: Quarkus 3.34.1 generates a broken class (a VerifyError at
 * start) for a bundle of more than 300 messages, and {@code msg} has 286. The keys keep the
 * {@code dashReviews} prefix, so they can move into {@code msg} unchanged once that is fixed.
 */
@MessageBundle(value = "msgReviews", locale = "en")
public interface ReviewsMessages {

    @Message String dashReviewsFilterHeading();
    @Message String dashReviewsGrade();
    @Message String dashReviewsAll();
    @Message String dashReviewsBandNegative(String range);
    @Message String dashReviewsBandNeutral(String range);
    @Message String dashReviewsBandPositive(String range);
    @Message String dashReviewsTopic();
    @Message String dashReviewsAnswered();
    @Message String dashReviewsYes();
    @Message String dashReviewsNo();
    @Message String dashReviewsReported();
    @Message String dashReviewsSource();
    @Message String dashReviewsSourceInvited();
    @Message String dashReviewsSourceConnector();
    @Message String dashReviewsSourceImported();
    @Message String dashReviewsSearch();
    @Message String dashReviewsShow();
    @Message String dashReviewsClear();
    @Message String dashReviewsBadFilterTitle();
    @Message String dashReviewsBadFilter(String field);
    @Message String dashReviewsFound(long count);
    @Message String dashReviewsNone();
    @Message String dashReviewsUntitled();
    @Message String dashReviewsNoName();
    @Message String dashReviewsImported();
    @Message String dashReviewsStatusPublished();
    @Message String dashReviewsStatusHeld();
    @Message String dashReviewsStatusRemoved();
    @Message String dashReviewsHeldFor(String reasons);
    @Message String dashReviewsReportedBadge();
    @Message String dashReviewsRemovedReason(String reason);
    @Message String dashReviewsTopics();
    @Message String dashReviewsYourResponse();
    @Message String dashReviewsRespondedBy(String who);
    @Message String dashReviewsByUnknown();
    @Message String dashReviewsConflict();
    @Message String dashReviewsDetails();
    @Message String dashReviewsDetailTitle(long id);
    @Message String dashReviewsRespond();
    @Message String dashReviewsEditResponse();
    @Message String dashReviewsResponseLabel();
    @Message String dashReviewsResponseHint();
    @Message String dashReviewsResponseError();
    @Message String dashReviewsPublish();
    @Message String dashReviewsReport();
    @Message String dashReviewsReportHint();
    @Message String dashReviewsReportReason();
    @Message String dashReviewsChoose();
    @Message String dashReviewsReasonError();
    @Message String dashReviewsReportComment();
    @Message String dashReviewsCommentError();
    @Message String dashReviewsSendReport();
    @Message String dashReviewsReasonNotACustomer();
    @Message String dashReviewsReasonOffensive();
    @Message String dashReviewsReasonPersonalData();
    @Message String dashReviewsReasonOther();
    @Message String dashReviewsPages();
    @Message String dashReviewsPrevious();
    @Message String dashReviewsNext();
    @Message String dashReviewsPageOf(int page, int pages);
    @Message String dashReviewsBack();
    @Message String dashReviewsVerified();
    @Message String dashReviewsWritten(String date);
    @Message String dashReviewsChanged(String date);
    @Message String dashReviewsState();
    @Message String dashReviewsHoldsHeading();
    @Message String dashReviewsNoHolds();
    @Message String dashReviewsHeld();
    @Message String dashReviewsReportsHeading();
    @Message String dashReviewsNoReports();
    @Message String dashReviewsReportLine(String reason, String who, String date);
    @Message String dashReviewsReportOpen();
    @Message String dashReviewsReportUpheld();
    @Message String dashReviewsReportRejected();
    @Message String dashReviewsDecisionsHeading();
    @Message String dashReviewsNoDecisions();
    @Message String dashReviewsDecisionPublished();
    @Message String dashReviewsDecisionRemoved();
    @Message String dashReviewsDecisionKept();
    @Message String dashReviewsResponseHeading();
    @Message String dashReviewsNoResponse();
    @Message String dashReviewsRespondedOn(String date, String who);
    @Message String dashReviewsVersionsHeading();
    @Message String dashReviewsNoVersions();
    @Message String dashReviewsVersionsHidden();
    @Message String dashReviewsVersionLine(int version, String written, String replaced);
    @Message String dashReviewsMissingTitle();
    @Message String dashReviewsMissingText();
}
