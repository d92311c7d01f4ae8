package org.alliancepulse.contracts;

/** The Kafka topics the services talk through. Each topic has exactly one publishing service. */
public final class Topics {

    /** Published by intake-service: clinics, therapists, (pseudonymous) clients and their assignments. */
    public static final String INTAKE_EVENTS = "intake-events";
    /** Published by session-service: sessions and the clients' feedback. */
    public static final String SESSION_EVENTS = "session-events";
    /** Published by alliance-analytics-service: alerts and their lifecycle. */
    public static final String ALLIANCE_ALERTS = "alliance-alerts";
    /** Published by notification-service: what was (not) delivered to whom. */
    public static final String NOTIFICATION_EVENTS = "notification-events";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer of one topic: each consumer owns its poison messages, so replaying them
     * after a fix touches no other service.
     */
    public static String deadLetterTopic(String consumer, String topic) {
        return consumer + "." + topic + ".dlq";
    }
}
