package org.alliancepulse.contracts;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of event payloads, shared by producers and consumers so both sides agree on dates and on
 * tolerance: unknown properties are ignored, so a producer may add a field without breaking older consumers.
 * <p>
 * Instants are written and read at microsecond precision, the precision every service's database keeps. Consumers
 * compare an event's time with one they stored ("is this assignment newer than the one I have?"); a nanosecond
 * instant against its own stored copy, which PostgreSQL rounds to the microsecond, could otherwise come out as older
 * than itself — and a second event at the same instant be dropped as stale.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Jackson otherwise quotes the start of the input in every error's location
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("microsecond-instants")
                    .addSerializer(Instant.class, new MicrosecondInstantSerializer())
                    .addDeserializer(Instant.class, new MicrosecondInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventJson() {
    }

    /** An instant as the databases keep it: whole microseconds (truncated, so never later than it was). */
    public static Instant inMicroseconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static final class MicrosecondInstantSerializer extends StdSerializer<Instant> {

        MicrosecondInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            InstantSerializer.INSTANCE.serialize(inMicroseconds(value), generator, provider);
        }
    }

    private static final class MicrosecondInstantDeserializer extends StdDeserializer<Instant> {

        MicrosecondInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return inMicroseconds(InstantDeserializer.INSTANT.deserialize(parser, context));
        }
    }

    /** What went wrong, where: never the text that was there. */
    static String problemOf(JsonProcessingException e) {
        String what;
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null
                && invalid.getCause() instanceof Require.Violation) {
            // the payload's own checks (Require): their messages name a field and a rule, no value
            what = invalid.getCause().getMessage();
        } else if (e instanceof JsonParseException) {
            what = "not well-formed JSON";
        } else if (e instanceof InvalidFormatException) {
            what = "a value has the wrong format";
        } else if (e instanceof MismatchedInputException) {
            what = "a value has the wrong type or is missing";
        } else {
            what = "cannot be read";
        }
        StringBuilder where = new StringBuilder();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(" (field ");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    where.append(where.length() > 8 ? "." : "").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    where.append('[').append(ref.getIndex()).append(']');
                }
            }
            where.append(')');
        }
        JsonLocation location = e.getLocation();
        if (location != null) {
            where.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        return what + where;
    }

    public static String write(EventPayload payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /** @throws MalformedEventException when the JSON is not a valid payload of that type */
    public static <P extends EventPayload> P read(String json, Class<P> payloadClass) {
        try {
            P payload = MAPPER.readValue(json, payloadClass);
            if (payload == null) {
                throw new MalformedEventException("empty payload for " + payloadClass.getSimpleName());
            }
            return payload;
        } catch (JsonProcessingException e) {
            // Jackson's messages quote the offending text ("Unrecognized token 'Ingrid'"), and a record may hold a
            // name: the reason names the kind of problem, the field and the position only, and the cause is dropped.
            throw new MalformedEventException("payload is not a valid " + payloadClass.getSimpleName() + ": "
                    + problemOf(e));
        }
    }
}
