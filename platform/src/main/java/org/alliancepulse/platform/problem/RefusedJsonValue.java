package org.alliancepulse.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A body's value refused while reading it ({@link StrictJsonInput}), with a reason fit to return and log: it never
 * quotes the value. Jackson adds the field's path as it unwinds; {@link ProblemMappers} names the field.
 */
public class RefusedJsonValue extends JsonMappingException {

    private final String why;

    public RefusedJsonValue(JsonParser parser, String why) {
        super(parser, why);
        this.why = why;
    }

    /** Why, in words for the client, e.g. that text must not contain the NUL character. */
    public String why() {
        return why;
    }
}
