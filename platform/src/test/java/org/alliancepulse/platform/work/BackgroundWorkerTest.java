package org.alliancepulse.platform.work;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {

    @Test
    void aRoundThatThrowsAnErrorDoesNotKillTheWorker() {
        AtomicInteger rounds = new AtomicInteger();
        BackgroundWorker worker = new BackgroundWorker("test-error-worker", () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new StackOverflowError("deep recursion in one round");
            }
            return BackgroundWorker.Round.DONE;
        }, Duration.ofMillis(50), Duration.ofMillis(100));
        worker.start();
        try {
            worker.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
            assertTrue(worker.isAlive(), "the thread lives on after an Error");
            assertTrue(BackgroundWorker.running().contains(worker));
            assertTrue(new WorkerReadiness().call().getStatus() == HealthCheckResponse.Status.UP);
        } finally {
            worker.stop();
        }
        assertFalse(BackgroundWorker.running().contains(worker), "a stopped worker is not expected to run");
    }

    @Test
    void aWorkerWhoseThreadDiedTurnsReadinessDown() throws Exception {
        BackgroundWorker worker = new BackgroundWorker("test-dying-worker", () -> {
            // ThreadDeath-like: an exception escaping the loop's handling kills the thread
            throw new ExceptionInInitializerError();
        }, Duration.ofMillis(50), Duration.ofMillis(100));
        worker.start();
        try {
            // the worker survives that Error too; kill its thread from outside, as a JVM bug or an operator might
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("test-dying-worker")).findFirst().orElseThrow();
            assertTrue(worker.isAlive());
            thread.interrupt(); // interrupt ends the loop as at shutdown, but nobody called stop()
            await().atMost(Duration.ofSeconds(5)).until(() -> !worker.isAlive());
            HealthCheckResponse readiness = new WorkerReadiness().call();
            assertTrue(readiness.getStatus() == HealthCheckResponse.Status.DOWN, readiness.getData().toString());
        } finally {
            worker.stop();
        }
    }
}
