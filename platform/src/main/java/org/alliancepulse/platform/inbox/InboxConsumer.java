package org.alliancepulse.platform.inbox;

/**
 * A service's consumer of one topic, declared so that the same handlers serve the live stream and a replay of the
 * consumer's dead letters ({@link org.alliancepulse.platform.deadletter.DeadLetterReplay}). Its {@code @Incoming},
 * {@code @Blocking(InboxConsumer.WORKERS)} method calls {@code inbox.process(record, handlers())}, or, on a channel
 * with {@code batch=true}, {@code inbox.processBatch(records, handlers())}.
 */
public interface InboxConsumer {

    /**
     * The worker pool consumers run on ({@code io.smallrye.reactive.messaging.annotations.Blocking}'s value): their
     * own, not the HTTP requests', whose queue is bounded and refuses work when full (platform defaults).
     */
    String WORKERS = "inbox-consumers";

    /** The Kafka topic this consumer reads. */
    String topic();

    /** What it does with each event type it cares about. */
    EventHandlers handlers();
}
