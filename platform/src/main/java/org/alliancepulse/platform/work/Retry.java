package org.alliancepulse.platform.work;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tries an action again after transient failures, with exponential back-off, and gives up at once on failures that
 * no retry can fix. Sleeping is a parameter so the policy is testable without a clock.
 */
public final class Retry {

    /** How to wait between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Told about each failed attempt that will be retried. */
    @FunctionalInterface
    public interface Listener {
        void retrying(int failedAttempt, RuntimeException failure, Duration delay);
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Predicate<RuntimeException> permanent;
    private final Sleeper sleeper;

    /**
     * @param maxAttempts attempts in all, at least 1
     * @param permanent failures that are rethrown at once
     */
    public Retry(int maxAttempts, Duration firstDelay, Duration maxDelay, Predicate<RuntimeException> permanent,
            Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(firstDelay, maxDelay);
        this.permanent = permanent;
        this.sleeper = sleeper;
    }

    /** The wait after the given failed attempt (1-based): first delay, doubled each time, capped. */
    public Duration delayAfter(int failedAttempt) {
        return backoff.delayAfter(failedAttempt);
    }

    /** @throws RuntimeException the permanent failure, or the last transient one once attempts are used up */
    public <T> T call(Supplier<T> action, Listener listener) {
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (permanent.test(e) || attempt >= maxAttempts) {
                    throw e;
                }
                Duration delay = delayAfter(attempt);
                listener.retrying(attempt, e, delay);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }
}
