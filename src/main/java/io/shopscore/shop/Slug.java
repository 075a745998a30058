package io.shopscore.shop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A shop's public name in URLs: 2 to 64 characters of a-z, 0-9 and inner single hyphens. */
@Documented
@NotNull
@Size(min = 2, max = 64)
@jakarta.validation.constraints.Pattern(regexp = Slugs.REGEX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {

    String message() default "must be 2 to 64 characters of a-z, 0-9 and single inner hyphens";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
