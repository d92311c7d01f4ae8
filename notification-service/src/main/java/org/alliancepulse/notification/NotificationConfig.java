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
    @WithDefault("20")
    int maxAttempts();

    /** Wait after the first failed attempt; doubles per further failure (the platform's {@code Backoff}). */
    @WithDefault("2s")
    Duration firstRetryDelay();

    /** Longest wait between retries. */
    @WithDefault("10m")
    Duration maxRetryDelay();

    /** How often due emails are looked for without a wake-up (after a restart, for retries). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Emails claimed per round (one claiming transaction; each result is recorded in its own). */
    @WithDefault("20")
    int batchSize();

    /** Longest wait for the SMTP server to accept one email; a slower send is a failed attempt (TimeoutException). */
    @WithDefault("30s")
    Duration smtpTimeout();

    /**
     * How long an email may stay SENDING before another round sends it again, because the instance that claimed it
     * must have died before recording the result. Must be longer than {@link #smtpTimeout()}.
     */
    @WithDefault("5m")
    Duration claimTimeout();

    /**
     * How long a finished delivery (SENT or FAILED) stays in the log. The log is what makes an alert one email ever:
     * keep it well beyond how far back alerts could be redelivered (topic retention, dead-letter replays).
     */
    @WithDefault("730d")
    Duration deliveryLogRetention();

    /**
     * An alert whose session lies further back than this when the alert arrives is not emailed: it comes from a
     * history being imported or replayed, and a therapist cannot act on it any more (it stays visible in the app).
     */
    @WithDefault("14d")
    Duration historicalAlertAge();

    /**
     * A RUPTURE, UNRESOLVED_RUPTURE or DROPOUT_RISK alert not acknowledged (nor resolved) this long after it arrived
     * is emailed once to the clinic's supervisor address.
     */
    @WithDefault("72h")
    Duration escalateAfter();

    /** The time zone of a therapist who has not chosen one (quiet hours and the digest hour are in it). */
    @WithDefault("UTC")
    java.time.ZoneId defaultTimeZone();
}
