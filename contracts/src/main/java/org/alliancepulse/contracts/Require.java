package org.alliancepulse.contracts;

/** Checks in payload constructors, so an event missing a field fails to deserialise instead of half-processing. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new Violation(field + " is required");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new Violation(field + " must not be blank");
        }
        return value;
    }

    /** A payload broke one of its rules; the message names the field and the rule, never the value. */
    public static final class Violation extends IllegalArgumentException {

        public Violation(String message) {
            super(message);
        }
    }
}
