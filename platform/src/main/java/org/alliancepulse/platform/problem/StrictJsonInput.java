package org.alliancepulse.platform.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body's values are taken as the type the API documents, or refused (400, naming the field) — never
 * quietly converted. Jackson's defaults read {@code "dateOfBirth": 12345} as a count of days since 1970 (stored as
 * 2003-10-20), cut {@code "sessionNumber": 2.5} to 2, and store {@code "note": 5} as the text "5"; a client's mistake
 * then became data. Text with a NUL character, which PostgreSQL cannot store, is refused here too, before anything
 * is written (it used to fail at commit, after the change had been logged as done, with the transaction manager's
 * stack trace in the log).
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // a date or time only from its ISO text, not from a number
        mapper.setDefaultLeniency(Boolean.FALSE);
        // a whole number only from a whole number
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a number read without a type (a JsonNode: a questionnaire's answers) as it was written, not as the nearest
        // double: 8.00000000000000000001 and 1E-400 are refused for their decimals, not stored as 8 and 0 (outside
        // probe)
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // a number only from a number, a boolean only from true / false (not from "7" or "true")
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // text only from text
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new TextWithoutNul()));
        // a point in time only from its ISO text: the leniency above does not reach java.time's instants, which read
        // 1700000000 as seconds since 1970 (outside probe: a booking at 2023-11-14T22:13:20Z from a number)
        mapper.registerModule(new SimpleModule("strict-instants").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == java.time.Instant.class || type == java.time.OffsetDateTime.class
                        || type == java.time.ZonedDateTime.class ? new TimeFromTextOnly(deserializer) : deserializer;
            }
        }));
    }

    /** A point in time read by Jackson's own deserializer, but only from text. */
    static final class TimeFromTextOnly extends DelegatingDeserializer {

        TimeFromTextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TimeFromTextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                throw new RefusedJsonValue(parser, "must be an ISO-8601 date-time with offset, e.g. "
                        + "2026-11-27T14:00:00+01:00, not a number");
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * Text as Jackson reads it, refused when it holds a NUL character or half of a surrogate pair ({@code \\ud800}
     * alone is no character: PostgreSQL stores it as "?", so the record read back differs from the one answered,
     * outside probe).
     */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf(0) >= 0) {
                throw new RefusedJsonValue(parser, "must not contain the NUL character (\\u0000)");
            }
            if (text != null && !wholeCharacters(text)) {
                throw new RefusedJsonValue(parser, "must be text: it holds half of a surrogate pair");
            }
            return text;
        }

        static boolean wholeCharacters(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
