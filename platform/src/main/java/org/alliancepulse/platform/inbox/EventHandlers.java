package org.alliancepulse.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;

/**
 * What a consumer does with each event type it cares about, as typed payloads:
 * {@code EventHandlers.on(X, this::x).and(Y, this::y)}. Other known types on the topic belong to other consumers and
 * are ignored by {@link Inbox}; a type the system does not know at all is dead-lettered there.
 */
public final class EventHandlers {

    private final Map<String, Consumer<IncomingEvent>> byType;

    private EventHandlers(Map<String, Consumer<IncomingEvent>> byType) {
        this.byType = byType;
    }

    public static <P extends EventPayload> EventHandlers on(EventType<P> type, Consumer<P> handler) {
        return new EventHandlers(Map.of()).and(type, handler);
    }

    public <P extends EventPayload> EventHandlers and(EventType<P> type, Consumer<P> handler) {
        Map<String, Consumer<IncomingEvent>> more = new HashMap<>(byType);
        more.put(type.type(), event -> handler.accept(event.payload(type)));
        return new EventHandlers(Map.copyOf(more));
    }

    /** Whether this consumer acts on events of the CloudEvents type. */
    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    /** Applies the event; call only for a type it {@link #handles} (a rebuild reading a topic itself does too). */
    public void apply(IncomingEvent event) {
        byType.get(event.type()).accept(event);
    }
}
