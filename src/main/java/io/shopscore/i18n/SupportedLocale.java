package io.shopscore.i18n;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A language code Shopscore speaks ({@code shopscore.locales}); null is valid (the field is optional). */
@Documented
@Constraint(validatedBy = SupportedLocale.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedLocale {

    String message() default "must be a supported language";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean, so that it can read the configured languages. */
    @Singleton
    class Validator implements ConstraintValidator<SupportedLocale, String> {

        private final Locales locales;

        public Validator(Locales locales) {
            this.locales = locales;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || locales.isSupported(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "must be one of the supported languages (" + String.join(", ", locales.supported()) + ")")
                    .addConstraintViolation();
            return false;
        }
    }
}
