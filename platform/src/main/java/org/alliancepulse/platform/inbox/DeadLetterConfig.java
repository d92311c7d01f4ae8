package org.alliancepulse.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where records that can never be applied are kept, and for how long. */
@ConfigMapping(prefix = "alliance-pulse.dead-letters")
public interface DeadLetterConfig {

    /** How long Kafka keeps a dead letter: long enough for someone to notice, fix and replay it. */
    @WithDefault("90d")
    Duration retention();

    /** How long one send to the dead-letter topic may take before it is tried again. */
    @WithDefault("10s")
    Duration sendTimeout();
}
