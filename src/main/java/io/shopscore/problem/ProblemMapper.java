package io.shopscore.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.jboss.logging.Logger;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become responses: every error leaves as an RFC 9457 problem, and
 * nothing internal (stack traces, SQL, class names, framework messages) reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** What a 503 asks the client to wait: overload here clears in seconds. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final ProblemWriter writer;

    public ProblemMapper(ProblemWriter writer) {
        this.writer = writer;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        e.retryAfterSeconds().ifPresent(seconds -> response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, seconds));
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        if (!(e instanceof ConstraintViolationException violations)) {
            return internalError(e);
        }
        boolean inResponse = violations.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (inResponse) {
            return internalError(e);
        }
        List<Problem.Violation> list = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            list.add(new Problem.Violation(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        list.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return respond(Problem.invalid(list));
    }

    /** Lists the subclasses too, so that this mapper wins over the JSON extension's own ones. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class })
    public Response unreadableJson(JsonProcessingException e) {
        return respond(describe(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(describe(json));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        return respond(new Problem(type.uri(), type.title(), status, detailFor(status), null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED,
                "Send a valid token as 'Authorization: Bearer <token>'.");
        count(problem);
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "This credential may not act on this resource."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("The database could not serve a request: %s", e.getMessage());
            return problem(DatabaseUnavailable.problem());
        }
        return internalError(e);
    }

    private Response internalError(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side. Nothing was changed; quote reference " + reference + " if it persists."));
    }

    private Response respond(Problem problem) {
        count(problem);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == ProblemType.UNAVAILABLE.status()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private void count(Problem problem) {
        writer.count(problem);
    }

    /** The client-facing name of a violated field: the JSON path inside a body, or the parameter's name. */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // Bean Validation puts a list element's index on the node after the list: products[1].sku
            // comes as "products", then "sku" in iterable at 1 (or "<list element>" at 1 for the element itself)
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (!node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    private static Problem describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.invalid(List.of(new Problem.Violation(jsonPath(unknown), "is not a known field")));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problem.invalid(List.of(new Problem.Violation(jsonPath(mismatch), expectation(mismatch))));
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not a valid JSON object" + where + ".");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Says what the field should have been, in JSON terms; never the Java type. */
    private static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "must be a number";
        }
        if (target.isEnum()) {
            return "is not one of the allowed values";
        }
        return "has the wrong type";
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "Send the body as application/json.";
            case 401 -> "Send a valid token as 'Authorization: Bearer <token>'.";
            case 403 -> "This credential may not act on this resource.";
            default -> "The request could not be processed.";
        };
    }
}
