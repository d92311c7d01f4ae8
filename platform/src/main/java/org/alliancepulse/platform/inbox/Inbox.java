package org.alliancepulse.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.MalformedEventException;
import org.alliancepulse.platform.work.Backoff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way a service consumes events: effectively once, in order, and nothing healthy dead-lettered. Call
 * {@link #process} from an {@code @Incoming}, {@code @Blocking} method (see {@link InboxConsumer}); it returns only
 * when the record is dealt with, so the connector acknowledges, and commits the offset, after that.
 *
 * <ul>
 * <li><b>Once.</b> The handler runs in a transaction of its own that also records the event's id; a redelivered
 * event (after a crash, a rebalance, a producer retry, a replay) finds its id and changes nothing.</li>
 * <li><b>Poison</b> — not a CloudEvent, data that is not a valid payload, or a type the system does not know (say a
 * {@code .v2} this version cannot read) — can never succeed and goes to the consumer's dead-letter topic at once.
 * Known types that other consumers handle are ignored (counted).</li>
 * <li><b>Outages</b> are waited out: when applying fails and the database does not answer either, the attempt is
 * not counted; the partition waits with capped back-off, readiness reports DOWN ({@link ConsumerReadiness}), and
 * the record is applied, in order, once the database is back. A dead-letter send that fails is retried the same
 * way. Only failures while the database answers (a bug, a missing table) count towards
 * {@link InboxConfig#maxAttempts()} before the record is dead-lettered.</li>
 * <li><b>Batches.</b> {@link #processBatch} applies a poll's worth of records in one transaction (one inbox
 * insert for all their ids, the consumer's {@link EventHandlers.PerTransaction} work once), which is what lets a
 * consumer keep up with a busy network or a replay. Poison splits a batch, so a record behind it still waits for it;
 * a batch that fails for any other reason is applied again record by record, where the rules above tell an outage
 * from a bad record. The outcome for every record is the one {@link #process} would have given.</li>
 * </ul>
 * Nothing here writes a record's content to a log or a header: reasons name the field and position only.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            INSERT INTO inbox_processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private static final String RECORD_ALL = """
            INSERT INTO inbox_processed_event (consumer, event_id, event_type)
            SELECT ?, id, type FROM unnest(?::text[], ?::text[]) AS event(id, type)
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """;

    /** What became of a record. */
    public enum Outcome {
        /** The handler ran and its effect committed. */
        APPLIED,
        /** This consumer had applied the event before: nothing changed. */
        DUPLICATE,
        /** A known type this consumer has no business with. */
        IGNORED,
        /** Poison, or failed every attempt: now on the dead-letter topic. */
        DEAD_LETTERED,
        /** A replayed dead letter that still cannot be applied (it stays on the dead-letter topic). */
        STILL_FAILING
    }

    /** An outcome, with why for the two failing ones; the reason never quotes the record. */
    public record Result(Outcome outcome, String reason) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    InboxConfig config;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @Readiness
    ConsumerReadiness readiness;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** The counters each consumed topic has, registered at 0 at start-up (a dashboard then reads 0, not "no data"). */
    static final java.util.List<String> COUNTERS = java.util.List.of("processed", "duplicates", "ignored",
            "unknown_types", "dead_lettered", "retries", "outage_waits", "transient_waits", "batches_split");

    void registerCounters(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent startup) {
        for (String topic : deadLetters.consumedTopics()) {
            COUNTERS.forEach(name -> meters.counter("alliance_pulse.inbox." + name, "topic", topic));
        }
    }

    /**
     * Applies the event in the record with the handlers, unless this service applied it before; dead-letters what
     * can never be applied. Blocks while the database is away.
     */
    public Outcome process(ConsumerRecord<String, String> record, EventHandlers handlers) {
        Result result = run(record, handlers, true);
        if (result.outcome() == Outcome.DEAD_LETTERED) {
            deadLetters.send(record, result.reason());
        }
        return result.outcome();
    }

    /**
     * Applies a poll's worth of records, in order, with as few transactions as their content allows: normally one.
     * Returns when every record is dealt with (applied, a duplicate, ignored or dead-lettered), so the connector
     * acknowledges the batch after that. Blocks while the database is away, as {@link #process} does.
     */
    public void processBatch(Iterable<ConsumerRecord<String, String>> records, EventHandlers handlers) {
        List<Pending> segment = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event;
            try {
                event = IncomingEvent.of(record);
            } catch (MalformedEventException e) {
                // what came before the poison first, then the poison: the order process() keeps
                applyTogether(segment, handlers);
                process(record, handlers);
                continue;
            }
            if (handlers.handles(event.type())) {
                segment.add(new Pending(record, event));
            } else {
                applyTogether(segment, handlers);
                process(record, handlers); // ignored, or an unknown type dead-lettered, with its metric
            }
        }
        applyTogether(segment, handlers);
    }

    private record Pending(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    private void applyTogether(List<Pending> segment, EventHandlers handlers) {
        if (segment.size() == 1) {
            process(segment.get(0).record(), handlers);
        } else if (!segment.isEmpty()) {
            String topic = segment.get(0).record().topic();
            try {
                QuarkusTransaction.requiringNew().run(() -> applyAll(segment, handlers));
                readiness.recovered(topic);
            } catch (RuntimeException e) {
                // one record at a time tells an outage (wait) from a bad record (count, dead-letter) from a lost race
                meters.counter("alliance_pulse.inbox.batches_split", "topic", topic).increment();
                LOG.infof("A batch of %d records failed (%s); applying them one by one", segment.size(),
                        Transience.why(e));
                segment.forEach(pending -> process(pending.record(), handlers));
            }
        }
        segment.clear();
    }

    private void applyAll(List<Pending> segment, EventHandlers handlers) {
        Set<String> fresh = recordFirstDeliveries(segment);
        List<Pending> toApply = new ArrayList<>();
        for (Pending pending : segment) {
            // remove: the same id twice in one batch (a producer's retry) is applied once
            if (fresh.remove(pending.event().id())) {
                toApply.add(pending);
            }
        }
        handlers.perTransaction().before(toApply.stream().map(Pending::event).toList());
        toApply.forEach(pending -> handlers.apply(pending.event()));
        handlers.perTransaction().after();
        String topic = segment.get(0).record().topic();
        meters.counter("alliance_pulse.inbox.processed", "topic", topic).increment(toApply.size());
        meters.summary("alliance_pulse.inbox.events_per_transaction", "topic", topic).record(toApply.size());
        meters.counter("alliance_pulse.inbox.duplicates", "topic", topic).increment(segment.size() - toApply.size());
    }

    /** One insert for the whole segment; the ids it returns are the events seen for the first time. */
    private Set<String> recordFirstDeliveries(List<Pending> segment) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_ALL)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text",
                    segment.stream().map(p -> p.event().id()).toArray()));
            insert.setArray(3, connection.createArrayOf("text",
                    segment.stream().map(p -> p.event().type()).toArray()));
            Set<String> fresh = new HashSet<>();
            try (var rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a batch of " + segment.size() + " events in the inbox",
                    e);
        }
    }

    /**
     * Applies a record taken from the dead-letter topic through the same steps as {@link #process}, but never
     * dead-letters it again and never waits out an outage: it reports.
     */
    public Result replay(ConsumerRecord<String, String> record, EventHandlers handlers) {
        Result result = run(record, handlers, false);
        return result.outcome() == Outcome.DEAD_LETTERED ? new Result(Outcome.STILL_FAILING, result.reason()) : result;
    }

    private Result run(ConsumerRecord<String, String> record, EventHandlers handlers, boolean live) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (MalformedEventException e) {
            return poison(record, "not a CloudEvent: " + e.getMessage());
        }
        if (!handlers.handles(event.type())) {
            if (EventTypes.byType(event.type()).isEmpty()) {
                meters.counter("alliance_pulse.inbox.unknown_types", "topic", record.topic()).increment();
                return poison(record, "unknown event type " + abbreviate(event.type()));
            }
            meters.counter("alliance_pulse.inbox.ignored", "topic", record.topic()).increment();
            return new Result(Outcome.IGNORED, null);
        }
        Backoff backoff = new Backoff(config.firstRetryDelay(), config.maxRetryDelay());
        int failures = 0;
        int waits = 0;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(record, event, handlers));
                if (live) {
                    readiness.recovered(record.topic());
                }
                return new Result(applied ? Outcome.APPLIED : Outcome.DUPLICATE, null);
            } catch (RuntimeException e) {
                MalformedEventException malformed = malformed(e);
                if (malformed != null) {
                    return poison(record, event + ": " + malformed.getMessage());
                }
                Duration delay;
                if (live && !databaseAnswers()) {
                    // an outage, not a fault of this record: wait for as long as it takes, in order
                    delay = backoff.delayAfter(++waits);
                    readiness.stalled(record.topic(), "database unavailable");
                    meters.counter("alliance_pulse.inbox.outage_waits", "topic", record.topic()).increment();
                    LOG.warnf("Database unavailable while applying %s; waiting %d ms", event, delay.toMillis());
                } else if (live && Transience.isTransient(e)) {
                    // a lost race, a broken connection after a restart, a full pool: not this record's fault either
                    delay = backoff.delayAfter(++waits);
                    meters.counter("alliance_pulse.inbox.transient_waits", "topic", record.topic()).increment();
                    LOG.warnf("Transient failure applying %s (%s); waiting %d ms", event, Transience.why(e),
                            delay.toMillis());
                } else {
                    failures++;
                    if (failures >= config.maxAttempts()) {
                        return poison(record, event + ": failed " + failures + " attempts, last with "
                                + e.getClass().getName());
                    }
                    delay = backoff.delayAfter(failures);
                    meters.counter("alliance_pulse.inbox.retries", "topic", record.topic()).increment();
                    // the exception's type only: its message may quote SQL values
                    LOG.warnf("Could not apply %s (attempt %d: %s); retrying in %d ms", event, failures,
                            e.getClass().getName(), delay.toMillis());
                }
                sleep(delay);
            }
        }
    }

    private Result poison(ConsumerRecord<String, String> record, String reason) {
        meters.counter("alliance_pulse.inbox.dead_lettered", "topic", record.topic()).increment();
        return new Result(Outcome.DEAD_LETTERED, reason);
    }

    private boolean applyOnce(ConsumerRecord<String, String> record, IncomingEvent event, EventHandlers handlers) {
        if (!recordFirstDelivery(event)) {
            LOG.debugf("Skipping %s: already processed", event);
            meters.counter("alliance_pulse.inbox.duplicates", "topic", record.topic()).increment();
            return false;
        }
        handlers.perTransaction().before(List.of(event));
        handlers.apply(event);
        handlers.perTransaction().after();
        meters.counter("alliance_pulse.inbox.processed", "topic", record.topic()).increment();
        meters.summary("alliance_pulse.inbox.events_per_transaction", "topic", record.topic()).record(1);
        return true;
    }

    private boolean recordFirstDelivery(IncomingEvent event) {
        // a concurrent delivery of the same id waits here on the primary key until the first one commits
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + event + " in the inbox", e);
        }
    }

    /** Whether the database answers at all: tells an outage (wait) from a failure of this record (count it). */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, config.databaseProbeTimeout().toSeconds()));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static MalformedEventException malformed(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException malformed) {
                return malformed;
            }
        }
        return null;
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry (shutting down)", e);
        }
    }

    /** Header values come from outside: a bounded, printable excerpt of a type name is all a log gets. */
    static String abbreviate(String type) {
        String printable = type.replaceAll("[^A-Za-z0-9._:/-]", "?");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "...";
    }
}
