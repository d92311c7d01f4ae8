package org.alliancepulse.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How alert emails are delivered. */
@ConfigMapping(prefix = "alliance-pulse.notification")
public interface NotificationConfig {

    /** Where therapists open Alliance Pulse; emails link to {@code <base>/alerts/<id>}. */
    @WithDefault("http://127.0.0.1:8083")
    String appBaseUrl();

    /** Attempts before an email is given up as failed (and NotificationFailed is published). */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the first retry; doubles per attempt. */
    @WithDefault("2s")
    Duration firstRetryDelay();

    /** Longest wait between retries. */
    @WithDefault("10m")
    Duration maxRetryDelay();

    /** How often due emails are looked for without a wake-up (after a restart, for retries). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Emails handled per dispatcher transaction. */
    @WithDefault("20")
    int batchSize();
}
