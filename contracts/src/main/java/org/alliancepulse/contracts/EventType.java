package org.alliancepulse.contracts;

import java.util.Objects;

/**
 * One kind of event: its CloudEvents {@code type}, the topic it travels on and the record that is its payload.
 *
 * @param type CloudEvents type, e.g. {@code org.alliancepulse.session.feedback-submitted.v1}; the version is part of
 *             the name, so a breaking change is a new type
 * @param topic the Kafka topic
 * @param payloadClass the record serialised as the JSON data of the event
 */
public record EventType<P extends EventPayload>(String type, String topic, Class<P> payloadClass) {

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payloadClass);
    }

    /** The file name of this type's JSON schema under {@code schemas/} on the classpath. */
    public String schemaResource() {
        return "schemas/" + type + ".schema.json";
    }
}
