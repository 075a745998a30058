package io.shopscore.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem, the body of every error response ({@code application/problem+json}).
 * Keeps Quarkus's violation shape ({@code violations: [{field, message}]}) for bad input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error, as RFC 9457 application/problem+json")
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:shopscore:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid input") String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong with this request", examples = "The request has 1 invalid field.") String detail,
        @Schema(description = "One entry per invalid field, for validation problems") List<Violation> violations,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, null);
    }

    /**
     * Extension members (RFC 9457 section 3.2) written beside the standard ones, for clients that
     * expect another service's error shape (the KiYoh-compatible feed's {@code httpCode},
     * {@code errorCode} and {@code detailedError}).
     */
    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }

    /** This problem with extension members added. */
    public Problem with(Map<String, Object> members) {
        return new Problem(type, title, status, detail, violations, Map.copyOf(members));
    }

    /** One invalid field: its JSON name (or query parameter) and what is wrong with it. */
    public record Violation(
            @Schema(examples = "score") String field,
            @Schema(examples = "must be between 1 and 10") String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? "The field '" + violations.get(0).field() + "' is invalid: " + violations.get(0).message() + "."
                : "The request has " + violations.size() + " invalid fields.";
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail, List.copyOf(violations));
    }
}
