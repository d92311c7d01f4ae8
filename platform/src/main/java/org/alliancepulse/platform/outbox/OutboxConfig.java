package org.alliancepulse.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay moves committed events to Kafka. */
@ConfigMapping(prefix = "alliance-pulse.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events without being woken: only catches what a crash left behind. */
    @WithDefault("2s")
    Duration fallbackInterval();

    /** Events sent to Kafka per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka's acknowledgement of a batch before it tries again. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** The longest pause between attempts while Kafka or the database is unavailable. */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * Readiness reports DOWN while the oldest event not yet on Kafka is older than this: the service cannot
     * announce what it did, and another instance (or the operator) should know.
     */
    @WithDefault("5m")
    Duration maxUnsentAge();
}
