package org.alliancepulse.platform.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;

/**
 * What a consumer does with each event type it cares about, as typed payloads:
 * {@code EventHandlers.on(X, this::x).and(Y, this::y)}. Other known types on the topic belong to other consumers and
 * are ignored by {@link Inbox}; a type the system does not know at all is dead-lettered there.
 * <p>
 * The inbox applies one event or a whole batch in a transaction. Work that should happen once per transaction rather
 * than once per event (take every lock the events need in one fixed order; recompute each aggregate they touched
 * once) goes in a {@link PerTransaction}: {@code EventHandlers.on(...).and(...).around(work)}.
 */
public final class EventHandlers {

    /** What a consumer does once per transaction, around the events the inbox applies in it. */
    public interface PerTransaction {

        /**
         * Before the first handler runs, with every event the transaction will apply, in order. Called again when a
         * transaction is retried: forget what an earlier attempt collected.
         */
        default void before(List<IncomingEvent> events) {
        }

        /** After the last handler, in the same transaction: what fails here rolls the events back with it. */
        default void after() {
        }
    }

    private static final PerTransaction NOTHING = new PerTransaction() {
    };

    private final Map<String, Consumer<IncomingEvent>> byType;
    private final PerTransaction perTransaction;

    private EventHandlers(Map<String, Consumer<IncomingEvent>> byType, PerTransaction perTransaction) {
        this.byType = byType;
        this.perTransaction = perTransaction;
    }

    public static <P extends EventPayload> EventHandlers on(EventType<P> type, Consumer<P> handler) {
        return new EventHandlers(Map.of(), NOTHING).and(type, handler);
    }

    public <P extends EventPayload> EventHandlers and(EventType<P> type, Consumer<P> handler) {
        Map<String, Consumer<IncomingEvent>> more = new HashMap<>(byType);
        more.put(type.type(), event -> handler.accept(event.payload(type)));
        return new EventHandlers(Map.copyOf(more), perTransaction);
    }

    /** These handlers with work done once per transaction around them. */
    public EventHandlers around(PerTransaction work) {
        return new EventHandlers(byType, work);
    }

    /** The per-transaction work (nothing unless {@link #around} said). */
    public PerTransaction perTransaction() {
        return perTransaction;
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
