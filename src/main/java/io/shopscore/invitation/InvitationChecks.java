package io.shopscore.invitation;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.shopscore.problem.Problem;

/**
 * The rules of {@code POST /api/v1/shops/{slug}/invitations} for requests that do not arrive as
 * JSON (the dashboard's form, an uploaded file): the same Bean Validation constraints of
 * {@link CreateInvitation}, so the rules are written once and say the same everywhere.
 */
@ApplicationScoped
public class InvitationChecks {

    private final Validator validator;

    public InvitationChecks(Validator validator) {
        this.validator = validator;
    }

    /** What is wrong with the request, by field (its JSON name, such as {@code email}); empty when nothing is. */
    public List<Problem.Violation> violations(CreateInvitation request) {
        return validator.validate(request).stream()
                .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
    }
}
