package org.alliancepulse.analytics.assessment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.analytics.course.SessionRef;
import org.alliancepulse.analytics.rules.AlertDecision;
import org.alliancepulse.analytics.rules.AlertKind;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.Pillar;
import org.alliancepulse.analytics.rules.Resolution;
import org.alliancepulse.analytics.rules.RulesConfig;
import org.alliancepulse.analytics.rules.simulation.CohortEvaluation;
import org.alliancepulse.analytics.rules.simulation.CohortEvents;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.SimulatedDyad;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The cohort evaluation through the service itself: a simulated network of 1,200 dyads announced on the real broker
 * as intake-service and session-service would (about 45,000 events, in event-time order), taken in by the real
 * consumers into the real PostgreSQL, and the alerts read back from {@code alliance-alerts} - what a clinic's
 * integration, or an outside evaluator, sees. Every dyad's announced alerts must be exactly what the pure rules decide
 * on the same course with the network SD the service took (its stored monthly snapshots), so the figures of
 * docs/clinical-rules.md hold for the running service and not only for the functions; the figures scored from the
 * topic are printed.
 */
@QuarkusTest
@TestProfile(CohortThroughTheServiceTest.ItsOwnNetwork.class)
class CohortThroughTheServiceTest {

    /** The simulated network is the service's whole network: its own broker and database, no other test's dyads. */
    public static class ItsOwnNetwork extends RealInfrastructure {
    }

    private static final String GROUP = "alliance-analytics-service";
    private static final long SEED = 20261127L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    RulesConfig rules;

    @Inject
    EntityManager entityManager;

    @Test
    void theAlertsOnTheTopicAreWhatTheRulesDecideForEveryDyadOfASimulatedNetwork() {
        List<SimulatedDyad> cohort = CohortSimulator.cohort(CohortSimulator.Parameters.plausible(), SEED).stream()
                .map(CohortEvents::asAnnounced).toList();
        KafkaEvents events = new KafkaEvents(kafka);
        // month by month, each taken in before the next is told, as a live network's months follow one another; in
        // one go the two topics (and the partitions) are read at different speeds, and a month's network SD can be
        // taken before the last days of the month before are in (NetworkSpread pools such a month again, which
        // re-judges the courses already begun in it: right, but not what a live network sees)
        List<List<org.alliancepulse.contracts.EventPayload>> months = CohortEvents.monthByMonth(cohort);
        int announced = months.stream().mapToInt(List::size).sum();
        long start = System.nanoTime();
        long told = 0;
        for (List<org.alliancepulse.contracts.EventPayload> month : months) {
            events.publishAll(month);
            long toldSoFar = told += month.size();
            // every event is recorded in the inbox in the transaction that applied it
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count("SELECT count(*) FROM inbox_processed_event") >= toldSoFar);
        }
        await().atMost(Duration.ofMinutes(1)).until(events.consumedByGroup(GROUP, Topics.SESSION_EVENTS));
        await().atMost(Duration.ofMinutes(1)).until(events.consumedByGroup(GROUP, Topics.INTAKE_EVENTS));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(this::outboxEmpty);
        double seconds = (System.nanoTime() - start) / 1e9;

        // what the service announced, per client: each alert raised, and how it was last resolved (an alert resolved
        // again - its ending overtook the sessions before it - stands as the later announcement says)
        Map<UUID, List<AlertDecision>> announcedAlerts = new HashMap<>();
        Map<UUID, Map<Integer, List<Pillar>>> announcedPillars = new HashMap<>();
        Map<UUID, Integer> raisedPerAlert = new HashMap<>();
        // an alert raised again at the same session under a new id (its resolution, announced, was overtaken by
        // sessions that arrived later and keep it open: the service raises it anew, the first keeps its resolution)
        // stands as the later announcement says, as a resolution announced again does below; seen once in 1,200 dyads
        // in a clean-clone CI run (a dropout risk cleared at session 10, then open again until the episode closed)
        Map<List<Object>, UUID> latestRaised = new HashMap<>();
        for (var raised : events.published(EventTypes.ALERT_RAISED, a -> true)) {
            AlertRaised a = raised.payload();
            latestRaised.put(List.of(a.clientId(), a.kind(), a.sessionId()), a.alertId()); // one client: one partition
        }
        java.util.Set<UUID> overtaken = new java.util.HashSet<>();
        for (var raised : events.published(EventTypes.ALERT_RAISED, a -> true)) {
            AlertRaised a = raised.payload();
            if (!latestRaised.get(List.of(a.clientId(), a.kind(), a.sessionId())).equals(a.alertId())) {
                overtaken.add(a.alertId());
                continue;
            }
            raisedPerAlert.merge(a.alertId(), 1, Integer::sum);
            announcedAlerts.computeIfAbsent(a.clientId(), k -> new ArrayList<>()).add(new AlertDecision(
                    AlertKind.valueOf(a.kind()), AlertDecision.Action.RAISED,
                    new SessionRef(a.sessionId(), a.sessionNumber(), a.occurredAt()), a.occurredAt(), null, List.of()));
            if (a.pillars() != null) {
                announcedPillars.computeIfAbsent(a.clientId(), k -> new HashMap<>()).put(a.sessionNumber(),
                        a.pillars().stream().map(Pillar::valueOf).toList());
            }
        }
        Map<UUID, AlertResolved> lastResolution = new HashMap<>();
        Map<UUID, List<String>> resolutions = new HashMap<>();
        for (var r : events.published(EventTypes.ALERT_RESOLVED, a -> true)) { // one client's alerts: one partition
            if (overtaken.contains(r.payload().alertId())) {
                continue;
            }
            lastResolution.put(r.payload().alertId(), r.payload());
            resolutions.computeIfAbsent(r.payload().alertId(), k -> new ArrayList<>()).add(r.payload().resolution());
        }
        int resolvedAgain = resolutions.values().stream().mapToInt(l -> l.size() - 1).sum();
        // resolved again only once, and only an ending overtaken by what the sessions before it showed
        List<List<String>> otherwiseAgain = resolutions.values().stream().filter(l -> l.size() > 1
                && (l.size() > 2 || !ending(l.get(0)) || ending(l.get(1)))).limit(5).toList();
        for (AlertResolved a : lastResolution.values()) {
            // WITHDRAWN is no rule's resolution: it stays null here and differs from every decision
            announcedAlerts.computeIfAbsent(a.clientId(), k -> new ArrayList<>()).add(new AlertDecision(
                    AlertKind.valueOf(a.kind()), AlertDecision.Action.RESOLVED,
                    new SessionRef(a.sessionId(), a.sessionNumber(), a.occurredAt()), a.occurredAt(),
                    java.util.Arrays.stream(Resolution.values()).filter(r -> r.name().equals(a.resolution()))
                            .findFirst().orElse(null), List.of()));
        }
        Map<UUID, Double> storedRisk = storedRiskBySession(); // what GET /api/dyads/{clientId}/alliance shows
        java.util.function.Function<SimulatedDyad, CohortEvaluation.Judged> announcedFor = dyad ->
                new CohortEvaluation.Judged(announcedAlerts.getOrDefault(dyad.dyad(), List.of()),
                        announcedPillars.getOrDefault(dyad.dyad(), Map.of()), storedRisk);

        ClinicalThresholds t = rules.thresholds();
        Map<LocalDate, NetworkSd.Spread> snapshots = snapshots(t);
        // a month not stored is one the prior still stands in for (too few dyads in its lookback)
        java.util.function.Function<SimulatedDyad, NetworkSd.Spread> spreadOf = dyad -> snapshots.getOrDefault(
                LocalDate.ofInstant(dyad.course().sessions().get(0).scheduledAt(), ZoneOffset.UTC).withDayOfMonth(1),
                NetworkSd.Pooled.NONE.spread(t));
        // the evaluation's model of the network SD (CohortEvaluation.eventTimeSd: everything before the month) against
        // what the service took: the same but for what was still on its way when a month's first session was
        // recorded (a cancellation told days ahead, the topics read at different speeds)
        java.util.function.Function<SimulatedDyad, NetworkSd.Spread> evaluated = CohortEvaluation.eventTimeSd(cohort, t);
        double sdGap = cohort.stream().mapToDouble(d -> Math.abs(spreadOf.apply(d).index() - evaluated.apply(d).index()))
                .max().orElse(0);
        java.util.function.Function<SimulatedDyad, CohortEvaluation.Judged> decidedFor = dyad -> CohortEvaluation
                .judge(dyad, t, spreadOf.apply(dyad), CohortEvents.endingOf(dyad));
        List<String> differences = new ArrayList<>();
        int decisions = 0;
        for (SimulatedDyad dyad : cohort) {
            List<String> decided = lines(decidedFor.apply(dyad));
            List<String> announcedForDyad = lines(announcedFor.apply(dyad));
            decisions += decided.size();
            if (!decided.equals(announcedForDyad)) {
                differences.add(dyad.dyad() + "\n  rules:   " + decided + "\n  service: " + announcedForDyad);
            }
        }

        CohortEvaluation.Figures figures = CohortEvaluation.evaluate(cohort, t, spreadOf, CohortEvents::endingOf);
        // the same scored from what the service announced and kept
        CohortEvaluation.Figures fromTheTopic = CohortEvaluation.score(cohort, t, figures.networkSd(), announcedFor);
        System.out.printf(java.util.Locale.ROOT, "%d events of %d dyads taken in and announced in %.1f s (%.0f events/s);"
                + " %d alert decisions, %d alerts resolved again; network SD by month %s (largest gap to the evaluation's %.2f)%n"
                + "Scored from the topic and the stored risk scores:%n%sThrough the service, seed %d:%n%s", announced, cohort.size(),
                seconds, announced / seconds, decisions, resolvedAgain, snapshots.entrySet().stream().map(e -> e.getKey().toString().substring(0, 7) + " "
                        + String.format(java.util.Locale.ROOT, "%.2f", e.getValue().index())).toList(), sdGap, fromTheTopic.table(), SEED, figures.table());

        assertTrue(decisions > 500, "the network raises alerts to compare: " + decisions);
        assertEquals(0, differences.size(), differences.size() + " of " + cohort.size()
                + " dyads' announced alerts differ from the rules' decisions, e.g.\n"
                + differences.stream().limit(5).collect(Collectors.joining("\n")));
        assertAll(() -> assertEquals(figures.rupturePrecision(), fromTheTopic.rupturePrecision(), 1e-12),
                () -> assertEquals(figures.ruptureRecall(), fromTheTopic.ruptureRecall(), 1e-12),
                () -> assertEquals(figures.pillarAccuracy(), fromTheTopic.pillarAccuracy(), 1e-12),
                () -> assertEquals(figures.repairRecall(), fromTheTopic.repairRecall(), 1e-12),
                () -> assertEquals(figures.fitPrecision(), fromTheTopic.fitPrecision(), 1e-12),
                () -> assertEquals(figures.fitRecall(), fromTheTopic.fitRecall(), 1e-12),
                () -> assertEquals(figures.dropoutsAlertedBeforeLast(), fromTheTopic.dropoutsAlertedBeforeLast(), 1e-12),
                () -> assertEquals(figures.riskAuc(), fromTheTopic.riskAuc(), 1e-9),
                () -> assertEquals(figures.alertsPerTherapistWeekMean(), fromTheTopic.alertsPerTherapistWeekMean(),
                        1e-12));
        // how much of a month's last days is still on its way when the next month's first session is recorded depends
        // on how fast the two topics are read, most in the first months, pooled from few dyads (March 2025: 5.56 in
        // one clean-clone CI run, 5.90 in the one before; largest gaps 0.29 and 0.10). 0.5 allows that timing and
        // still catches a snapshot of the wrong period there (February and March differ by more than a point)
        assertTrue(sdGap < 0.5, "the network SD taken is the evaluation's but for the last moments of the month"
                + " before; the largest gap " + sdGap);
        assertEquals(List.of(), raisedPerAlert.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).toList(), "an alert announced twice");
        assertEquals(List.of(), otherwiseAgain, "alerts resolved again other than an overtaken ending");
    }

    /**
     * One dyad's alerts as comparable lines, sorted: kind, raised or resolved, the session (an ending's by its time
     * only: it names the last session the service knew of when it took the ending in, which may be earlier than the
     * last one before it), when, and the resolution or the pillars a rupture named. Not a dropout risk's score: the
     * alert gives it as it was when raised, and a session's attendance and its answers arrive minutes apart.
     */
    private static List<String> lines(CohortEvaluation.Judged judged) {
        return judged.decisions().stream().map(d -> {
            boolean resolved = d.action() == AlertDecision.Action.RESOLVED;
            boolean byEnding = resolved && d.resolution() != null && ending(d.resolution().name());
            String detail = resolved ? String.valueOf(d.resolution())
                    : d.kind() == AlertKind.RUPTURE || d.kind() == AlertKind.UNRESOLVED_RUPTURE
                            ? String.valueOf(judged.rupturePillars().getOrDefault(d.session().number(), List.of()))
                            : "";
            return d.kind() + " " + d.action() + " #" + (byEnding ? "-" : d.session().number()) + " " + d.at() + " "
                    + detail;
        }).sorted().toList();
    }

    private static boolean ending(String resolution) {
        return "EPISODE_CLOSED".equals(resolution) || "REASSIGNED".equals(resolution);
    }

    /** The monthly network SDs the service took and kept. */
    private Map<LocalDate, NetworkSd.Spread> snapshots(ClinicalThresholds t) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, NetworkSd.Spread> byMonth = new TreeMap<>();
            for (Object row : entityManager.createNativeQuery("""
                    SELECT month, dyads, squares, degrees_of_freedom, bond_squares, goals_squares, tasks_squares
                    FROM network_sd_snapshot""").getResultList()) {
                Object[] r = (Object[]) row;
                NetworkSd.Pooled pooled = new NetworkSd.Pooled(((Number) r[1]).longValue(),
                        ((Number) r[2]).doubleValue(), ((Number) r[3]).longValue(), ((Number) r[4]).doubleValue(),
                        ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue());
                byMonth.put(toDate(r[0]), pooled.spread(t));
            }
            return byMonth;
        });
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** The dropout-risk score the service keeps after each session. */
    private Map<UUID, Double> storedRiskBySession() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Double> risk = new HashMap<>();
            for (Object row : entityManager.createNativeQuery("SELECT session_id, risk_score FROM session_assessment")
                    .getResultList()) {
                Object[] r = (Object[]) row;
                risk.put((UUID) r[0], ((Number) r[1]).doubleValue());
            }
            return risk;
        });
    }

    private boolean outboxEmpty() {
        return count("SELECT count(*) FROM outbox_event") == 0;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }
}
