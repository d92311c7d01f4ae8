package org.alliancepulse.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers treat failures before a record goes to the dead-letter topic. */
@ConfigMapping(prefix = "alliance-pulse.inbox")
public interface InboxConfig {

    /**
     * Attempts at applying an event whose failure may pass (database unavailable, a lost race); a malformed event is
     * dead-lettered at the first. Total wait stays far below Kafka's max.poll.interval.ms (5 min).
     */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failed attempt; doubles per attempt. */
    @WithDefault("200ms")
    Duration firstRetryDelay();

    /** Longest wait between attempts. */
    @WithDefault("5s")
    Duration maxRetryDelay();
}
