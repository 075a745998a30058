package io.shopscore.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.invitation.CreateInvitation;
import io.shopscore.invitation.InvitationChecks;
import io.shopscore.invitation.InvitationService;
import io.shopscore.invitation.upload.InvitationUploads;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.session.SignedIn;
import io.vertx.core.http.HttpServerRequest;

/**
 * The shop's invitations (HTML, no JavaScript): the list with each invitation's state as the
 * customer's mail sees it, a form to invite one customer with the API's rules, and the upload of a
 * CSV of orders, checked whole before anything is stored and followed on a page of its own.
 */
@Path("/dashboard/{slug}/invitations")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class DashboardInvitationsResource {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance invitations(String lang, InvitationsPage page);

        static native TemplateInstance invitationUpload(String lang, UploadPage page);
    }

    private final DashboardGate gate;
    private final DashboardInvitations pages;
    private final InvitationChecks checks;
    private final InvitationService invitations;
    private final InvitationUploads uploads;

    public DashboardInvitationsResource(DashboardGate gate, DashboardInvitations pages, InvitationChecks checks,
            InvitationService invitations, InvitationUploads uploads) {
        this.gate = gate;
        this.pages = pages;
        this.checks = checks;
        this.invitations = invitations;
        this.uploads = uploads;
    }

    @GET
    @Operation(operationId = "showDashboardInvitations", summary = "The shop's invitations",
            description = "The shop's invitations, newest first, 20 a page, each with its state as the customer's mail sees it "
                    + "(scheduled, sent, failed, opted out, reviewed, expired, or a link the shop hands out), filtered by "
                    + "?state=; with a form to invite one customer and one to upload a CSV of orders (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "An unknown state or a page that is not a number: the page, naming it")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response list(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestQuery String state,
            @RestQuery String page, @RestQuery String notice, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            DashboardInvitations.Query query = DashboardInvitations.Query.of(state, page);
            String shownNotice = "invited".equals(notice) || "already".equals(notice) ? notice : null;
            return show(session, language, query, null, shownNotice, null, query.error() == null ? 200 : 400);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "inviteFromDashboard", summary = "Invite one customer",
            description = "Invites the customer of one order with the same rules as POST /api/v1/shops/{slug}/invitations "
                    + "(an order that has an invitation keeps it) and redirects (303) to the list.")
    @APIResponse(responseCode = "303", description = "Invited, or the order had an invitation: to the list")
    @APIResponse(responseCode = "400", description = "A bad field: the page again, naming it beside the field")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    @APIResponse(responseCode = "429", description = "The shop's invitations for the day are used up: the page again, saying so")
    public Response invite(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestForm String formToken,
            @RestForm String orderRef, @RestForm String email, @RestForm String name, @RestForm String language,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, pageLanguage) -> {
            CreateInvitation sent = new CreateInvitation(orderRef, email, blankAsNull(name), blankAsNull(language));
            List<Problem.Violation> violations = checks.violations(sent);
            if (!violations.isEmpty()) {
                return show(session, pageLanguage, DashboardInvitations.Query.of(null, null),
                        pages.form(pageLanguage, sent, violations, null), null, null, 400);
            }
            try {
                boolean created = invitations.invite(slug, sent).created();
                return DashboardGate.seeOther(listUrl(slug, pageLanguage) + "&notice=" + (created ? "invited" : "already"));
            } catch (ProblemException e) {
                List<Problem.Violation> refused = e.problem().violations() == null ? List.of() : e.problem().violations();
                return show(session, pageLanguage, DashboardInvitations.Query.of(null, null),
                        pages.form(pageLanguage, sent, refused, refused.isEmpty() ? e.getMessage() : null), null, null,
                        e.problem().status());
            }
        });
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadInvitationsFromDashboard", summary = "Upload a CSV of orders",
            description = "A CSV file (UTF-8, with or without BOM; CRLF or LF; quoted fields) whose header names the columns in any "
                    + "order: orderRef and email are required, name and language optional. At most 5 MB and 20,000 rows. Starts a "
                    + "job that checks every row with the API's rules and imports all of them in one transaction only when every "
                    + "row is right, and redirects (303) to the job's page.")
    @APIResponse(responseCode = "303", description = "The job started: to its page")
    @APIResponse(responseCode = "400", description = "No file, not UTF-8, or a header with an unknown, repeated or missing column: the page, saying so")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    @APIResponse(responseCode = "413", description = "More than 5 MB or 20,000 rows: the page, saying so")
    public Response upload(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestForm String formToken,
            @RestForm("file") FileUpload file, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            if (file == null || file.uploadedFile() == null) {
                return show(session, language, DashboardInvitations.Query.of(null, null), null, null, "file: is required", 400);
            }
            try {
                if (file.size() > InvitationUploads.MAX_BYTES) {
                    throw ProblemException.tooLarge("A file of orders may hold at most " + InvitationUploads.MAX_BYTES / (1024 * 1024)
                            + " MB; split it into several files.");
                }
                long id = uploads.start(session.shopId(), slug, file.fileName(), Files.readAllBytes(file.uploadedFile()));
                return DashboardGate.seeOther("/dashboard/" + slug + "/invitations/uploads/" + id + "?lang=" + language);
            } catch (ProblemException e) {
                return show(session, language, DashboardInvitations.Query.of(null, null), null, null, describe(e.problem()),
                        e.problem().status());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GET
    @Path("uploads/{id}")
    @Operation(operationId = "showInvitationUpload", summary = "An upload of orders",
            description = "How far the upload's job is (rows checked or stored, of all; the page refreshes itself every 2 seconds while "
                    + "it runs) and how it ended: how many were invited, or every bad row by line and column with nothing imported (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    @APIResponse(responseCode = "404", description = "The shop has no such upload")
    public Response uploadPage(@RestPath String slug, @RestPath String id, @RestCookie(DashboardGate.COOKIE) String cookie,
            @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            if (id == null || !id.matches("\\d{1,18}")) {
                throw ProblemException.notFound("This shop has no upload " + id + ".");
            }
            return pages.upload(session, language, Long.parseLong(id))
                    .map(upload -> DashboardGate.page(Templates.invitationUpload(language, upload), 200, language))
                    .orElseThrow(() -> ProblemException.notFound("This shop has no upload " + id + "."));
        });
    }

    private Response show(SignedIn session, String language, DashboardInvitations.Query query, InvitationsPage.InviteForm form,
            String notice, String uploadError, int status) {
        return DashboardGate.page(Templates.invitations(language, pages.page(session, language, query, form, notice, uploadError)), status,
                language);
    }

    /** A refused file in the API's words: every named field, or the problem's detail. */
    private static String describe(Problem problem) {
        if (problem.violations() == null || problem.violations().isEmpty()) {
            return problem.detail();
        }
        return problem.violations().stream().map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining("; "));
    }

    private static String listUrl(String slug, String language) {
        return "/dashboard/" + slug + "/invitations?lang=" + language;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
