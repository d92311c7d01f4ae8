package org.alliancepulse.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryTest {

    private final List<Duration> slept = new ArrayList<>();

    private Retry retry(int attempts) {
        return new Retry(attempts, Duration.ofMillis(200), Duration.ofSeconds(5),
                e -> e instanceof IllegalArgumentException, slept::add);
    }

    @ParameterizedTest(name = "after failed attempt {0}: wait {1} ms")
    @CsvSource({ "1, 200", "2, 400", "3, 800", "4, 1600", "5, 3200", "6, 5000", "40, 5000" })
    void backsOffExponentiallyUpToTheCap(int failedAttempt, long millis) {
        assertEquals(Duration.ofMillis(millis), retry(6).delayAfter(failedAttempt));
    }

    @ParameterizedTest(name = "fails {0} times of {1} allowed -> succeeds: {2}")
    @CsvSource({ "0, 6, true", "1, 6, true", "5, 6, true", "6, 6, false", "1, 1, false" })
    void retriesTransientFailuresUntilAttemptsRunOut(int failures, int attempts, boolean succeeds) {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException transientFailure = new IllegalStateException("database restarting");
        var action = (java.util.function.Supplier<String>) () -> {
            if (calls.incrementAndGet() <= failures) {
                throw transientFailure;
            }
            return "applied";
        };

        if (succeeds) {
            assertEquals("applied", retry(attempts).call(action, (a, e, d) -> { }));
            assertEquals(failures + 1, calls.get());
        } else {
            assertSame(transientFailure, assertThrows(IllegalStateException.class,
                    () -> retry(attempts).call(action, (a, e, d) -> { })));
            assertEquals(attempts, calls.get());
        }
        assertEquals(Math.min(failures, attempts - 1), slept.size(), "one wait between two attempts");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> retry(6).call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("poison");
        }, (a, e, d) -> { }));
        assertEquals(1, calls.get());
        assertEquals(List.of(), slept);
    }

    @Test
    void tellsTheListenerAboutEachRetry() {
        List<String> told = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        retry(6).call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
            }
            return null;
        }, (attempt, failure, delay) -> told.add(attempt + ":" + failure.getMessage() + ":" + delay.toMillis()));
        assertEquals(List.of("1:busy:200", "2:busy:400"), told);
    }
}
