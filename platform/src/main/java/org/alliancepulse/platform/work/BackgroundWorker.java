package org.alliancepulse.platform.work;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * One thread that does a round of work when woken (typically right after a commit, see {@link AfterCommit}) or, as
 * a fallback, every so often; a failing round is retried with exponential back-off. The shape of the outbox relay
 * and the email dispatcher: work is found in the database, so a lost wake-up only costs the fallback interval.
 */
public final class BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(BackgroundWorker.class);

    /** What one round achieved. */
    public enum Round {
        /** Nothing more to do until the next wake-up. */
        DONE,
        /** More work is waiting: go again at once. */
        MORE,
        /** Someone else holds the work: look again in a moment. */
        BUSY_ELSEWHERE
    }

    /** Workers started and not stopped, for {@link WorkerReadiness}. */
    private static final Set<BackgroundWorker> RUNNING = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Supplier<Round> round;
    private final Duration fallbackInterval;
    private final Duration maxBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** @param round one round of work; an exception means "try again later" */
    public BackgroundWorker(String name, Supplier<Round> round, Duration fallbackInterval, Duration maxBackoff) {
        this.name = name;
        this.round = round;
        this.fallbackInterval = fallbackInterval;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
        RUNNING.add(this);
    }

    /** Workers started and not stopped. */
    public static Set<BackgroundWorker> running() {
        return Set.copyOf(RUNNING);
    }

    public String name() {
        return name;
    }

    /** Whether its thread still runs (a worker that should run but does not has died). */
    public synchronized boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    public synchronized void stop() {
        running = false;
        RUNNING.remove(this);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a round now; cheap, and harmless when there is nothing to do. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), maxBackoff.compareTo(Duration.ofMillis(100)) < 0
                ? Duration.ofMillis(100) : maxBackoff);
        int failures = 0;
        while (running) {
            try {
                wakeUps.tryAcquire(fallbackInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                Round result;
                do {
                    result = round.get();
                    if (result == Round.BUSY_ELSEWHERE) {
                        Thread.sleep(25);
                    }
                } while (running && result != Round.DONE);
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error too (a class that failed to load, a stack overflow in one round): the thread must live on,
                // or the work it does would stop without anyone noticing
                if (!running) {
                    return;
                }
                Duration delay = backoff.delayAfter(++failures);
                // the exception's type only: messages can quote SQL values
                LOG.warnf("%s: round failed (%s); retrying in %d ms", name, e.getClass().getName(), delay.toMillis());
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wakeUps.release();
            }
        }
    }
}
