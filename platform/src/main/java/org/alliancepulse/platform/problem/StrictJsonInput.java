package org.alliancepulse.platform.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body's values are taken as the type the API documents, or refused (400, naming the field) — never
 * quietly converted. Jackson's defaults read {@code "dateOfBirth": 12345} as a count of days since 1970 (stored as
 * 2003-10-20), cut {@code "sessionNumber": 2.5} to 2, and store {@code "note": 5} as the text "5"; a client's mistake
 * then became data.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // a date or time only from its ISO text, not from a number
        mapper.setDefaultLeniency(Boolean.FALSE);
        // a whole number only from a whole number
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a number only from a number, a boolean only from true / false (not from "7" or "true")
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // text only from text
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
