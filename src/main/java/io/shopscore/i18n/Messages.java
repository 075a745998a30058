package io.shopscore.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages (and later the mails), used in templates as {@code {msg:key}}. The texts
 * live in {@code messages/msg_<language>.properties}, one file per language of
 * {@code shopscore.locales}; the build fails when a template names a key that does not exist.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    // Shared
    @Message String verifiedCustomer();
    @Message String verifiedReview();
    @Message String gradeOutOfTen(int grade);
    @Message String averageOutOfTen(String average);
    @Message String starsOutOfFive(String stars);
    @Message String poweredBy();
    @Message String language();

    // The review form
    @Message String formTitle(String shop);
    @Message String formHeading(String shop);
    @Message String formIntro(String shop);
    @Message String orderLabel(String orderRef);
    @Message String gradeLegend();
    @Message String gradeHint();
    @Message String titleLabel();
    @Message String textLabel();
    @Message String textHint();
    @Message String recommendLegend(String shop);
    @Message String recommendYes();
    @Message String recommendNo();
    @Message String recommendNoAnswer();
    @Message String displayNameLabel();
    @Message String displayNameHint();
    @Message String optional();
    @Message String submit();
    @Message String linkValidUntil(String date);
    @Message String errorSummary();
    @Message String errorScore();
    @Message String errorText();
    @Message String errorTitle();
    @Message String errorDisplayName();
    @Message String errorRecommend();

    // The review once written
    @Message String reviewTitle(String shop);
    @Message String reviewHeading(String shop);
    @Message String writtenOn(String date);
    @Message String updatedOn(String date);
    @Message String editHeading();
    @Message String editUntil(String date);
    @Message String editClosed();
    @Message String saveChanges();
    @Message String responseFrom(String shop);
    @Message String seeAllReviews(String shop);
    @Message String thanksHeading();
    @Message String thanksText(String shop);
    @Message String thanksUpdated();
    @Message String alreadyReviewed();

    // Links that do not work
    @Message String notFoundTitle();
    @Message String notFoundText();
    @Message String expiredTitle();
    @Message String expiredText(String shop, String orderRef, String date);
    @Message String shopNotFoundTitle();
    @Message String shopNotFoundText();

    // The shop's review page
    @Message String shopTitle(String shop);
    @Message String shopHeading(String shop);
    @Message String basedOn(long count);
    @Message String recommendShare(int percentage);
    @Message String lastTwelveMonths(String average, long count);
    @Message String gradesHeading();
    @Message String gradeCount(int grade, long count);
    @Message String reviewsHeading();
    @Message String noReviews(String shop);
    @Message String visitShop(String shop);
    @Message String newerReviews();
    @Message String olderReviews();
    @Message String pageOf(int page, int pages);
    @Message String updatedMarker();
    @Message String pagination();
    @Message String heldNotice();
    @Message String removedNotice(String reason);
    @Message String removedReviewsHeading();
    @Message String removedReview(String date, String reason);

    // Mails
    @Message String mailGreeting();
    @Message String mailGreetingNamed(String name);
    @Message String mailInvitationSubject(String shop);
    @Message String mailInvitationText(String shop, String orderRef);
    @Message String mailInvitationButton();
    @Message String mailLinkValid(String date);
    @Message String mailReminderSubject(String shop);
    @Message String mailReminderText(String shop, String orderRef);
    @Message String mailResponseSubject(String shop);
    @Message String mailResponseText(String shop, String date);
    @Message String mailResponseButton();
    @Message String mailNegativeSubject(int grade, String shop);
    @Message String mailNegativeText(int grade, String orderRef);
    @Message String mailNegativeAdvice();
    @Message String mailNegativeHeld();
    @Message String mailNegativeButton();
    @Message String mailCustomerFooter(String shop);
    @Message String mailUnsubscribe();
    @Message String mailShopFooter(String shop);

    // Insights page
    @Message String insightsTitle(String shop);
    @Message String insightsIntro(int months);
    @Message String insightsPeriod();
    @Message String insightsMonths(int months);
    @Message String insightsReviews();
    @Message String insightsNegative();
    @Message String insightsChurn();
    @Message String insightsResponded();
    @Message String insightsMedian();
    @Message String insightsHours(String hours);
    @Message String insightsTopicsTitle();
    @Message String insightsTopicsNote();
    @Message String insightsTrendTitle();
    @Message String insightsTrendNote();
    @Message String insightsChurnTitle(long count);
    @Message String insightsChurnNone();
    @Message String insightsTableTitle();
    @Message String insightsMonth();
    @Message String insightsCsv();
    @Message String insightsLinkGone();
    @Message String insightsLinkGoneText();
    @Message String topicCustomerService();
    @Message String topicDelivery();
    @Message String topicStock();
    @Message String topicProduct();
    @Message String topicRefundReturn();
    @Message String topicPrice();
    @Message String topicWebsite();
    @Message String topicFollowUp();

    // Opting out
    @Message String optOutTitle(String shop);
    @Message String optOutText(String shop, String email);
    @Message String optOutButton();
    @Message String optOutDone(String shop, String email);

    // Trust: the author's edit link and the mails to the author
    @Message String mailAuthorLinkSubject(String shop);
    @Message String mailAuthorLinkText(String shop);
    @Message String mailAuthorHeldContent();
    @Message String mailAuthorHeldSignals();
    @Message String mailAuthorHeldNext();
    @Message String mailAuthorUpdatedSubject(String shop);
    @Message String mailAuthorUpdatedText(String shop);
    @Message String mailAuthorPublishedSubject(String shop);
    @Message String mailAuthorPublishedText(String shop);
    @Message String mailAuthorRemovedSubject(String shop);
    @Message String mailAuthorRemovedText(String shop, String date);
    @Message String mailAuthorRemovedReason();
    @Message String mailAuthorRemovedHow();
    @Message String mailAuthorRemovedRedress();
    @Message String mailAuthorButton();
    @Message String mailAuthorLinkUse(String date);
    @Message String mailAuthorKeepPrivate();
    @Message String mailAuthorFooter(String shop);
    @Message String changesByEditLink();
    @Message String authorIntro(String shop);
    @Message String exportHeading();
    @Message String exportText();
    @Message String exportLink();
    @Message String withdrawHeading();
    @Message String withdrawText(String shop);
    @Message String withdrawConfirm();
    @Message String withdrawButton();
    @Message String withdrawConfirmError();
    @Message String withdrawnTitle();
    @Message String withdrawnText();
    @Message String withdrawnNotice();
    // Transparency: how reviews are collected, on the shop's page and in the API
    @Message String trustHeading();
    @Message String trustInvited();
    @Message String trustAuthorOnly();
    @Message String trustShopLimits();
    @Message String trustAllPublished();
    @Message String trustChecked();
    @Message String trustScore();
    @Message String trustFiguresHeading();
    @Message String trustSources(long email, long link, long imported);
    @Message String trustRemoved(long count);
    @Message String trustRemovedCategory(String category, long count);
    @Message String trustReports(long total, long upheld, long rejected, long open);
    @Message String trustResponses(long answered, long negative);
    @Message String sourceInvitationEmail();
    @Message String sourceInvitationLink();
    @Message String sourceImported();
    @Message String categoryIllegal();
    @Message String categoryPersonalData();
    @Message String categoryNotACustomer();
    @Message String categoryFake();
    @Message String categoryOffensive();
    @Message String categoryOther();

    // Notices about a review (DSA article 16)
    @Message String reportReview();
    @Message String noticeTitle(String shop);
    @Message String noticeHeading();
    @Message String noticeIntro();
    @Message String noticeReviewBy(String author, String date);
    @Message String noticeReasonLegend();
    @Message String noticeExplanationLabel();
    @Message String noticeExplanationHint();
    @Message String noticeEmailLabel();
    @Message String noticeEmailHint();
    @Message String noticeSubmit();
    @Message String noticeErrorSummary();
    @Message String noticeErrorReason();
    @Message String noticeErrorExplanation();
    @Message String noticeErrorEmail();
    @Message String noticeThanksTitle();
    @Message String noticeThanksText();
    @Message String noticeNotFoundTitle();
    @Message String noticeNotFoundText();
    @Message String optOutEverywhereText(String email);
    @Message String optOutEverywhereButton();
    @Message String optOutEverywhereDone(String email);

    // Products: grades in the review form, and a product's public review page
    @Message String productsLegend();
    @Message String productsHint();
    @Message String productGradeLabel(String product);
    @Message String productNoGrade();
    @Message String productTextLabel(String product);
    @Message String errorProduct(String product);
    @Message String productTitle(String product, String shop);
    @Message String productHeading(String product);
    @Message String productSoldBy(String shop);
    @Message String productNoReviews();
    @Message String productReviewsHeading();
    @Message String productAllShopReviews(String shop);
    // Imported reviews (issue 13): the author of an imported review without a name; nobody verified them here
    @Message String importedCustomer();
    // Product grades on the author's own page (issue 13, product feed)
    @Message String yourProductGrades();

    // The front door and the 404 page of unknown addresses (issue 12)
    @Message String frontTitle();
    @Message String frontHeading();
    @Message String frontIntro();
    @Message String frontShopsHeading();
    @Message String frontShopsText();
    @Message String frontShopSignIn();
    @Message String frontOperatorHeading();
    @Message String frontOperatorText();
    @Message String frontOperatorSignIn();
    @Message String frontDocsHeading();
    @Message String frontApiExplorer();
    @Message String frontOpenApi();
    @Message String frontTransparency();
    @Message String frontWidget();
    @Message String pageNotFoundTitle();
    @Message String pageNotFoundText();
    @Message String pageNotFoundHome();

    // The dashboard: sign-in, colleagues, overview, and the mails to a shop's members (issue 12)
    @Message String dashSignInTitle();
    @Message String dashEmailHeading();
    @Message String dashEmailLabel();
    @Message String dashEmailError();
    @Message String dashEmailSubmit();
    @Message String dashKeyHeading();
    @Message String dashKeyError();
    @Message String dashKeySubmit();
    @Message String dashLinkSentTitle();
    @Message String dashLinkSentText(long minutes);
    @Message String dashBackToSignIn();
    @Message String dashLinkTitle(String shop);
    @Message String dashLinkSubmit();
    @Message String dashLinkGoneTitle();
    @Message String dashLinkGoneText(long minutes);
    @Message String dashForbiddenTitle();
    @Message String dashForbiddenText();
    @Message String dashBackToDashboard();
    @Message String dashNavLabel();
    @Message String dashOverview();
    @Message String dashColleagues();
    @Message String dashInvitations();
    @Message String dashWidget();
    @Message String dashInsights();
    @Message String dashSettings();
    @Message String dashPublicPage();
    @Message String dashSignedInAs(String member);
    @Message String dashSignOut();
    @Message String dashSignOutEverywhere();
    @Message String dashMembersHeading();
    @Message String dashRemoveMember(String email);
    @Message String dashRemove();
    @Message String dashContactMember();
    @Message String dashAddLabel();
    @Message String dashAddSubmit();
    @Message String dashFiguresHeading();
    @Message String dashScore();
    @Message String dashReviews();
    @Message String dashResponseRate();
    @Message String dashMedianResponse();
    @Message String dashHours(String hours);
    @Message String dashResponsesOf(long responded, long negative);
    @Message String dashWaitingHeading();
    @Message String dashNothingWaiting();
    @Message String dashWaitingDays(long days);
    @Message String dashTrendHeading();
    @Message String dashTrendDesc();
    @Message String dashTrendLegend();
    @Message String dashNewestHeading();
    @Message String dashNoReviews();
    @Message String dashAnswered();
    @Message String mailSignInSubject(String shop);
    @Message String mailSignInText(String shop, long minutes);
    @Message String mailSignInButton();
    @Message String mailSignInIgnore();
    @Message String mailMemberSubject(String shop);
    @Message String mailMemberText(String shop, String addedBy);
    @Message String mailMemberButton();
}
