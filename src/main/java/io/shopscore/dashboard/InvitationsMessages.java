package io.shopscore.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the dashboard's invitations page, in templates as {@code {inv:key}}, from
 * {@code messages/inv_<language>.properties}. A bundle of its own rather than more keys in
 * {@link io.shopscore.i18n.Messages}: Quarkus 3.34 generates invalid bytecode for a bundle of more
 * than 300 messages (quarkusio/quarkus#55584, fixed by #55653 in a later release), and Messages is
 * close to that.
 */
@MessageBundle(value = "inv", locale = "en")
public interface InvitationsMessages {

    @Message String dashInvitationsListHeading();

    @Message String dashInvitationsFilterLabel();

    @Message String dashInvitationsFilterAll();

    @Message String dashInvitationsFilterSubmit();

    @Message String dashInvitationsFilterError();

    @Message String dashInvitationsPageError();

    @Message String dashInvitationsCount(long total);

    @Message String dashInvitationsEmpty();

    @Message String dashInvitationsEmptyFiltered();

    @Message String dashInvitationsErased();

    @Message String dashInvitationsCreatedOn(String date);

    @Message String dashInvitationsStateScheduled();

    @Message String dashInvitationsStateSent();

    @Message String dashInvitationsStateFailed();

    @Message String dashInvitationsStateOptedOut();

    @Message String dashInvitationsStateReviewed();

    @Message String dashInvitationsStateExpired();

    @Message String dashInvitationsStateLink();

    @Message String dashInvitationsDetailScheduled(String date);

    @Message String dashInvitationsDetailRetrying(String reason);

    @Message String dashInvitationsDetailSent(String date);

    @Message String dashInvitationsDetailFailed(String reason);

    @Message String dashInvitationsDetailFailedUnknown();

    @Message String dashInvitationsDetailOptedOut();

    @Message String dashInvitationsDetailReviewed(String date);

    @Message String dashInvitationsDetailExpired(String date);

    @Message String dashInvitationsDetailLink();

    @Message String dashInvitationsPagerLabel();

    @Message String dashInvitationsPageOf(int page, int pages);

    @Message String dashInvitationsPrevious();

    @Message String dashInvitationsNext();

    @Message String dashInvitationsInvited();

    @Message String dashInvitationsAlready();

    @Message String dashInvitationsInviteHeading();

    @Message String dashInvitationsOrderRefLabel();

    @Message String dashInvitationsEmailLabel();

    @Message String dashInvitationsNameLabel();

    @Message String dashInvitationsLanguageLabel();

    @Message String dashInvitationsLanguageShop();

    @Message String dashInvitationsInviteSubmit();

    @Message String dashInvitationsOrderRefError();

    @Message String dashInvitationsEmailError();

    @Message String dashInvitationsNameError();

    @Message String dashInvitationsLanguageError();

    @Message String dashInvitationsRefused(String reason);

    @Message String dashInvitationsUploadHeading();

    @Message String dashInvitationsUploadIntro();

    @Message String dashInvitationsUploadExample();

    @Message String dashInvitationsFileLabel();

    @Message String dashInvitationsUploadSubmit();

    @Message String dashInvitationsUploadRefused(String reason);

    @Message String dashInvitationsRecentUploads();

    @Message String dashInvitationsUploadTitle(String file);

    @Message String dashInvitationsUploadChecking();

    @Message String dashInvitationsUploadImporting();

    @Message String dashInvitationsUploadDone();

    @Message String dashInvitationsUploadToCorrect();

    @Message String dashInvitationsUploadNotImported();

    @Message String dashInvitationsUploadInterrupted();

    @Message String dashInvitationsUploadInterruptedText();

    @Message String dashInvitationsUploadChecked(int done, int total);

    @Message String dashInvitationsUploadStored(int done, int total);

    @Message String dashInvitationsUploadRefreshing();

    @Message String dashInvitationsUploadImported(int invited, int already);

    @Message String dashInvitationsUploadRejected(int count);

    @Message String dashInvitationsUploadFailed(String reason);

    @Message String dashInvitationsProblemsHeading();

    @Message String dashInvitationsColLine();

    @Message String dashInvitationsColColumn();

    @Message String dashInvitationsColProblem();

    @Message String dashInvitationsMoreProblems(int more);

    @Message String dashInvitationsUploadAgain();

    @Message String dashInvitationsBackToList();
}
