package org.alliancepulse.stack.throughput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionScheduled;

/**
 * A year of a clinic network's events as intake and session-service announce them, in event-time order across
 * clients (as a live network produces them): assignments, weekly sessions (scheduled; attended, a no-show or a late
 * cancellation), SRS after most attended sessions, ORS at the first and every fourth, and the episode's ending.
 * Load for the throughput benchmark, not a clinical simulation (that is the analytics service's cohort simulator):
 * the answers drift and sometimes drop, so the rules have work to do, but nothing here is scored.
 */
final class SyntheticNetwork {

    /** One event and when it happened. */
    record Timed(Instant at, EventPayload payload) {
    }

    private static final Instant YEAR_START = Instant.parse("2025-01-06T09:00:00Z");
    private static final String[] CLINICS = { "north", "south", "east", "west" };

    private SyntheticNetwork() {
    }

    /** About {@code events} events (whole episodes), sorted by event time; the same seed gives the same network. */
    static List<Timed> generate(int events, long seed) {
        Random random = new Random(seed);
        List<UUID> therapists = new ArrayList<>();
        List<Timed> all = new ArrayList<>(events + 100);
        int client = 0;
        while (all.size() < events) {
            if (client % 25 == 0) {
                therapists.add(id(0x7e4aL, seed, therapists.size()));
            }
            episode(random, client++, therapists.get(random.nextInt(therapists.size())), all);
        }
        all.sort(Comparator.comparing(Timed::at));
        return all;
    }

    private static void episode(Random random, int n, UUID therapist, List<Timed> out) {
        UUID clientId = id(0x5e55L, 0, n);
        String code = String.format("C-%06d", n);
        String clinic = CLINICS[Math.abs(therapist.hashCode()) % CLINICS.length];
        UUID episode = id(0xe915L, 0, n);
        Instant assigned = YEAR_START.plus(Duration.ofHours(random.nextInt(300 * 24)));
        out.add(new Timed(assigned, new ClientAssigned(clientId, code, clinic, therapist, assigned, episode)));
        int sessions = 6 + random.nextInt(18);
        double alliance = 7.5 + random.nextDouble() * 2; // per SRS item, 0-10
        Instant at = assigned.plus(Duration.ofDays(2));
        for (int number = 1; number <= sessions; number++) {
            UUID session = id(0x5e5L, n, number);
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            out.add(new Timed(at.minus(Duration.ofDays(6)), new SessionScheduled(session, clientId, therapist,
                    clinic, day, number, at, episode)));
            double roll = random.nextDouble();
            if (roll < 0.08) {
                out.add(new Timed(at, new SessionNoShow(session, clientId, code, therapist, clinic, number, at, day,
                        at)));
            } else if (roll < 0.13) {
                out.add(new Timed(at.minus(Duration.ofHours(5)), new SessionCancelled(session, clientId, code,
                        therapist, clinic, number, at, day, "CLIENT", true, at.minus(Duration.ofHours(5)))));
            } else {
                out.add(new Timed(at.plus(Duration.ofMinutes(50)), new SessionAttended(session, clientId, code,
                        therapist, clinic, number, at, day, at.plus(Duration.ofMinutes(50)))));
                alliance = Math.max(1, Math.min(10, alliance + random.nextGaussian() * 0.4
                        - (random.nextDouble() < 0.04 ? 3 : 0)));
                if (random.nextDouble() < 0.9) {
                    out.add(new Timed(at.plus(Duration.ofMinutes(55)), srs(random, session, clientId, code, therapist,
                            clinic, day, number, at, alliance)));
                }
                if (number == 1 || number % 4 == 0) {
                    out.add(new Timed(at.minus(Duration.ofMinutes(5)), ors(random, session, clientId, code,
                            therapist, clinic, day, number, at)));
                }
            }
            at = at.plus(Duration.ofDays(7));
        }
        EpisodeClosed.Ending ending = random.nextDouble() < 0.25 ? EpisodeClosed.Ending.DROPOUT
                : EpisodeClosed.Ending.PLANNED;
        out.add(new Timed(at, new EpisodeClosed(clientId, code, clinic, episode, therapist, ending,
                LocalDate.ofInstant(at, ZoneOffset.UTC), at)));
    }

    private static FeedbackSubmitted srs(Random random, UUID session, UUID client, String code, UUID therapist,
            String clinic, LocalDate day, int number, Instant at, double alliance) {
        BigDecimal[] items = new BigDecimal[4];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            items[i] = BigDecimal.valueOf(Math.max(0, Math.min(10, alliance + random.nextGaussian() * 0.5)))
                    .setScale(1, RoundingMode.HALF_UP);
            total = total.add(items[i]);
        }
        Instant submitted = at.plus(Duration.ofMinutes(55));
        return new FeedbackSubmitted(id(0x5e5L, number, session.getLeastSignificantBits()),
                session, client, code, therapist, clinic, day, "SRS", List.of(items), total,
                Map.of("bond", items[0], "goals", items[1], "tasks", items[2], "global", items[3]), submitted, number,
                at, total.multiply(BigDecimal.valueOf(2.5)).setScale(2, RoundingMode.HALF_UP),
                Map.of("bond", tenfold(items[0]), "goals", tenfold(items[1]), "tasks", tenfold(items[2]),
                        "global", tenfold(items[3])));
    }

    private static FeedbackSubmitted ors(Random random, UUID session, UUID client, String code, UUID therapist,
            String clinic, LocalDate day, int number, Instant at) {
        BigDecimal[] items = new BigDecimal[4];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            items[i] = BigDecimal.valueOf(3 + random.nextDouble() * 6).setScale(1, RoundingMode.HALF_UP);
            total = total.add(items[i]);
        }
        return new FeedbackSubmitted(id(0x025L, number, session.getLeastSignificantBits()),
                session, client, code, therapist, clinic, day, "ORS", List.of(items), total, Map.of(),
                at.minus(Duration.ofMinutes(5)), number, at, null, null);
    }

    /**
     * A name-based (version 3) id from numbers: spread like the random ids the services make. Ids built straight
     * from small numbers ({@code new UUID(n, number)}) share hash codes by the thousand, and the analytics service's
     * hash maps (and Hibernate's) then spent a tenth of their time in collision chains no real network has.
     */
    private static UUID id(long kind, long a, long b) {
        return UUID.nameUUIDFromBytes(ByteBuffer.allocate(24).putLong(kind).putLong(a).putLong(b).array());
    }

    private static BigDecimal tenfold(BigDecimal item) {
        return item.multiply(BigDecimal.TEN).setScale(2, RoundingMode.HALF_UP);
    }
}
