package org.alliancepulse.intake.language;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A language as ISO 639 codes it: a two-letter code must be one ISO 639-1 has (outside probe: "xx" was taken as a
 * client's language, and matching would look for therapists speaking it); three letters (ISO 639-2/3, for languages
 * without a two-letter code) are taken as written. Case does not matter; null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = LanguageCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageCode {

    String message() default "must be an ISO 639 language code such as en (two letters) or fil (three)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LanguageCode, String> {

        private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String code = value.strip().toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2,3}")) {
                return false;
            }
            return code.length() == 3 || TWO_LETTER.contains(code);
        }
    }
}
