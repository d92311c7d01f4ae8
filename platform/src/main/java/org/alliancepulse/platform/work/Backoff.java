package org.alliancepulse.platform.work;

import java.time.Duration;

/**
 * The one back-off of the code base: the first delay, doubled per failed attempt, capped. Used by consumers
 * ({@link Retry}), background workers and the email dispatcher alike, so "how long do we wait" has one answer.
 *
 * @param first wait after the first failed attempt
 * @param max longest wait
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max");
        }
    }

    /** The wait after the given failed attempt (1-based): first, doubled each time, capped at max. */
    public Duration delayAfter(int failedAttempt) {
        int doublings = Math.max(0, Math.min(failedAttempt - 1, 30));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}
