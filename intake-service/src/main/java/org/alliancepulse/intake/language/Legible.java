package org.alliancepulse.intake.language;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name as it is written and read: a client's, a therapist's, a clinic's. No control characters (line breaks,
 * tabs: a clinic name is an email's subject and a therapist's its greeting), no line or paragraph separators, no
 * invisible format characters that reverse, hide or split text (direction overrides and marks, zero-width spaces,
 * soft hyphens, word joiners), no half of a surrogate pair (stored as "?"). Outside probes found each of these
 * stored: the name then showed differently on every page and letter, and one person could be registered twice under
 * names that look the same. The joiners some scripts need in a word (U+200C, U+200D: Persian, Indic) stay; names
 * are compared without them. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Legible.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Legible {

    String message() default "must not contain line breaks, control characters or invisible marks (direction marks, "
            + "zero-width spaces, soft hyphens)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Legible, String> {

        /** Any character a reader does not see as written: see the annotation. */
        static final Pattern ILLEGIBLE = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}[\\p{Cf}&&[^\\u200C\\u200D]]]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !ILLEGIBLE.matcher(value).find();
        }
    }
}
