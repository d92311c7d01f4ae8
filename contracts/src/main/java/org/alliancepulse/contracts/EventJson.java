package org.alliancepulse.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of event payloads, shared by producers and consumers so both sides agree on dates and on
 * tolerance: unknown properties are ignored, so a producer may add a field without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventJson() {
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
            // the message names the type and position only: payload text must not reach logs
            throw new MalformedEventException("payload is not a valid " + payloadClass.getSimpleName() + " at "
                    + e.getLocation(), e);
        }
    }
}
