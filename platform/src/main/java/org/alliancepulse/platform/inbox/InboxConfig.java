package org.alliancepulse.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers treat failures: outages are waited out, malformed records dead-lettered at once. */
@ConfigMapping(prefix = "alliance-pulse.inbox")
public interface InboxConfig {

    /**
     * Attempts at applying an event that fails while the database answers (a lost race, a bug, a missing table)
     * before it is dead-lettered. While the database does not answer at all, attempts are not counted: the
     * partition waits, without limit, until it is back.
     */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failure; doubles per failure. */
    @WithDefault("200ms")
    Duration firstRetryDelay();

    /** Longest wait between attempts, and between looks at a database or broker that is away. */
    @WithDefault("5s")
    Duration maxRetryDelay();

    /** How long a look at the database (is it there at all?) may take. */
    @WithDefault("2s")
    Duration databaseProbeTimeout();

    /**
     * How long an applied event's id is remembered: a redelivery older than this would be applied again, so keep it
     * well beyond the topics' retention (Kafka's default is 7 days).
     */
    @WithDefault("90d")
    Duration retention();
}
