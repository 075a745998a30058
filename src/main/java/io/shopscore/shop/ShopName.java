package io.shopscore.shop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A shop's display name, as it appears on pages and as the sender's name of its mails: any
 * characters a name can be written in (any script, emoji, {@code < > @ " \ & ,} and so on), but
 * none that cannot be shown as part of a name. Refused: control characters (line breaks and tabs
 * among them), the line and paragraph separators U+2028 and U+2029, the bidirectional overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069, which can make a name read backwards), unpaired surrogates
 * and noncharacters. A name with a line break is refused rather than quietly changed, so the shop
 * sees its name exactly as it will be shown. Null is left to @NotBlank.
 */
@Documented
@Constraint(validatedBy = ShopName.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ShopName {

    String message() default "must not contain line breaks, control characters, direction overrides, unpaired surrogates or noncharacters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ShopName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().allMatch(Validator::allowed);
        }

        static boolean allowed(int c) {
            int type = Character.getType(c);
            return type != Character.CONTROL && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                    && type != Character.SURROGATE // only an unpaired one is left as a code point of its own
                    && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
                    && !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE;
        }
    }
}
