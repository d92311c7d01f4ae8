package org.alliancepulse.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventJson;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;
import org.alliancepulse.contracts.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka (binary mode: attributes in {@code ce_*} headers, data in the value). The data is
 * parsed only when a handler asks for it as a known type.
 *
 * @param time when the event happened, if the producer said
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String data) {

    /** @throws MalformedEventException when the record is not a CloudEvent: a poison message */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String subject = optional(record, CloudEventHeaders.SUBJECT);
        String time = optional(record, CloudEventHeaders.TIME);
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("event " + Inbox.abbreviate(id) + " of type " + Inbox.abbreviate(type)
                    + " has no data");
        }
        try {
            return new IncomingEvent(id, type, source, subject, time == null ? null : Instant.parse(time),
                    record.value());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("event " + Inbox.abbreviate(id) + " has an invalid ce_time");
        }
    }

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /** @throws MalformedEventException when the data is not a valid payload of that type */
    public <P extends EventPayload> P payload(EventType<P> eventType) {
        if (!is(eventType)) {
            throw new IllegalArgumentException("event " + this + " is not a " + eventType.type());
        }
        return EventJson.read(data, eventType.payloadClass());
    }

    @Override
    public String toString() {
        // never the data: it may be clinical, and this string reaches logs
        return Inbox.abbreviate(type) + " " + Inbox.abbreviate(id);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = optional(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: header " + name + " is missing");
        }
        return value;
    }

    private static String optional(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
