package io.shopscore.operator;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The operator console's texts ({@code {op:...}} in its templates; messages/op_*.properties). A
 * bundle of its own rather than more keys in {@code Messages}: the console is one feature, and a
 * single bundle of some 400 messages made Quarkus generate a resolver the JVM refuses (VerifyError).
 */
@MessageBundle(value = "op", locale = "en")
public interface OperatorMessages {

    @Message String opNavLabel();
    @Message String opEyebrow();
    @Message String opQueue();
    @Message String opShops();
    @Message String opAudit();
    @Message String opInsights();
    @Message String opSignedInAs(String name);
    @Message String opSignOut();
    @Message String opSignInTitle();
    @Message String opSignInIntro();
    @Message String opTokenLabel();
    @Message String opTokenError();
    @Message String opNameLabel();
    @Message String opOptional();
    @Message String opNameHint();
    @Message String opNameError();
    @Message String opSignInSubmit();
    @Message String opForbiddenTitle();
    @Message String opForbiddenText();
    @Message String opBackToConsole();
    @Message String opPages();
    @Message String opPrevious();
    @Message String opNext();
    @Message String opShopsSearchHeading();
    @Message String opShopsSearchLabel();
    @Message String opShopsSearchSubmit();
    @Message String opShopsFound(long total);
    @Message String opShopsSlug();
    @Message String opShopsSlugHint();
    @Message String opShopsName();
    @Message String opShopsWebsite();
    @Message String opShopsLocale();
    @Message String opShopsContact();
    @Message String opShopsCreated();
    @Message String opShopsCreateHeading();
    @Message String opShopsCreateProblem();
    @Message String opShopsCreateSubmit();
    @Message String opShopsErrorTaken();
    @Message String opShopsErrorSlug();
    @Message String opShopsErrorName();
    @Message String opShopsErrorWebsite();
    @Message String opShopsErrorLocale();
    @Message String opShopsErrorContact();
    @Message String opShopsErrorInput();
    @Message String opShopCreatedTitle(String shop);
    @Message String opShopCreatedKeyHeading();
    @Message String opShopCreatedKeyText();
    @Message String opShopCreatedBack();
    @Message String opShopCreatedPublic();
    @Message String opQueueIntro(long total);
    @Message String opQueueEmpty();
    @Message String opQueueNotDecided();
    @Message String opQueueGone();
    @Message String opQueueConflict();
    @Message String opQueueReasonError();
    @Message String opQueueCategoryError();
    @Message String opQueueDecisionError();
    @Message String opQueueReview(long id, String shop);
    @Message String opQueueOrder(String ref);
    @Message String opQueueHeldFor();
    @Message String opQueueHeldLink();
    @Message String opQueueHeldEmail();
    @Message String opQueueHeldPhone();
    @Message String opQueueReports();
    @Message String opQueueNotices();
    @Message String opQueueNotice(long id);
    @Message String opQueueTrail();
    @Message String opQueueReasonLabel();
    @Message String opQueueReasonHint();
    @Message String opQueueCategoryLabel();
    @Message String opQueueCategoryNone();
    @Message String opQueuePublish();
    @Message String opQueueKeep();
    @Message String opQueueRemove();
    @Message String opQueueStatusPending();
    @Message String opQueueStatusPublished();
    @Message String opQueueStatusRemoved();
    @Message String opQueueStatusWithdrawn();
    @Message String opCategoryIllegal();
    @Message String opCategoryPersonalData();
    @Message String opCategoryNotACustomer();
    @Message String opCategoryFake();
    @Message String opCategoryOffensive();
    @Message String opCategoryOther();
    @Message String opTrailHeld();
    @Message String opTrailReported();
    @Message String opTrailNoticed();
    @Message String opTrailPublished();
    @Message String opTrailRemoved();
    @Message String opTrailKept();
    @Message String opAuditShopCreated();
    @Message String opAuditIntro();
    @Message String opAuditHeading();
    @Message String opAuditEmpty();
    @Message String opAuditReason(String reason);
    @Message String opAuditBy(String operator);
    @Message String opInsightsIntro(int months);
    @Message String opInsightsFigures();
    @Message String opInsightsStudyTitle();
    @Message String opInsightsStudy();
    @Message String opInsightsPlatform();
    @Message String opInsightsStudyServiceOrDelivery();
    @Message String opInsightsStudyChurn();
    @Message String opInsightsStudyServiceOfChurn();
    @Message String opInsightsStudyStockOfChurn();
}
