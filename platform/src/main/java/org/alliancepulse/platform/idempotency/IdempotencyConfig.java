package org.alliancepulse.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long creating requests are remembered by their {@code Idempotency-Key}. */
@ConfigMapping(prefix = "alliance-pulse.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its first answer are kept at least; a retry after that creates again. */
    @WithDefault("24h")
    Duration retention();

    /** How often keys older than the retention are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();
}
