package org.alliancepulse.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;

/**
 * What a consumer does with each event type it cares about, as typed payloads; other types on the topic are
 * ignored (they belong to other consumers). {@code inbox.process(record, EventHandlers.on(X, this::x).and(Y, ...))}.
 */
public final class EventHandlers implements Consumer<IncomingEvent> {

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

    @Override
    public void accept(IncomingEvent event) {
        Consumer<IncomingEvent> handler = byType.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }
}
