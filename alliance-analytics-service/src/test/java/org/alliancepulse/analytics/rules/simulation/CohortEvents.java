package org.alliancepulse.analytics.rules.simulation;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.rules.EpisodeEnding;
import org.alliancepulse.analytics.rules.Resolution;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.Answers;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.Ending;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.SimulatedDyad;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionScheduled;

/**
 * A simulated cohort as intake-service and session-service would announce it on Kafka - assignments, sessions booked
 * a week ahead, attendance, the client's SRS or WAI-SR and ORS answers, the episode's ending - and, beside it, each
 * dyad's course as those events tell it (indices rounded as session-service rounds them), so the service's alerts can
 * be compared with the rules' decisions on exactly the same input.
 */
public final class CohortEvents {

    /** The clinic every simulated therapist works at. */
    public static final String CLINIC = "simulated";

    /** Days between a dropout's last session and the discharge date the clinic enters. */
    private static final int DROPOUT_NOTICED_AFTER_DAYS = 28;

    /** One event and when it happened. */
    private record Timed(Instant at, EventPayload payload) {
    }

    private CohortEvents() {
    }

    /**
     * Every event of the cohort in event-time order, as a live network produces them, month by month of event time
     * (UTC), each month complete before the next begins. (Told as one list, or one client's whole history after
     * another, the figures in docs/clinical-rules.md's "Through the service" were measured once.)
     */
    public static List<List<EventPayload>> monthByMonth(List<SimulatedDyad> cohort) {
        List<Timed> all = new ArrayList<>();
        cohort.forEach(dyad -> all.addAll(of(dyad)));
        all.sort(Comparator.comparing(Timed::at));
        Map<LocalDate, List<EventPayload>> months = new java.util.TreeMap<>();
        for (Timed event : all) {
            months.computeIfAbsent(LocalDate.ofInstant(event.at(), ZoneOffset.UTC).withDayOfMonth(1),
                    m -> new ArrayList<>()).add(event.payload());
        }
        return new ArrayList<>(months.values());
    }

    private static UUID therapistOf(SimulatedDyad dyad) {
        return UUID.nameUUIDFromBytes(("therapist " + dyad.therapist()).getBytes(UTF_8));
    }

    private static UUID episodeOf(SimulatedDyad dyad) {
        return UUID.nameUUIDFromBytes(("episode " + dyad.dyad()).getBytes(UTF_8));
    }

    private static String codeOf(SimulatedDyad dyad) {
        return "S-" + dyad.dyad().toString().substring(0, 8).toUpperCase();
    }

    /** One dyad's events. The client's id is the simulated dyad's id (one dyad per client). */
    private static List<Timed> of(SimulatedDyad dyad) {
        List<Timed> out = new ArrayList<>();
        UUID client = dyad.dyad();
        UUID therapist = therapistOf(dyad);
        UUID episode = episodeOf(dyad);
        String code = codeOf(dyad);
        List<SessionObservation> sessions = dyad.course().sessions();
        Instant assigned = sessions.get(0).scheduledAt().minus(Duration.ofDays(8));
        out.add(new Timed(assigned, new ClientAssigned(client, code, CLINIC, therapist, assigned, episode)));
        for (SessionObservation s : sessions) {
            Instant at = s.scheduledAt();
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            UUID session = s.sessionId();
            int number = s.number();
            out.add(new Timed(at.minus(Duration.ofDays(6)),
                    new SessionScheduled(session, client, therapist, CLINIC, day, number, at, episode)));
            switch (s.attendance()) {
                case ATTENDED -> {
                    Instant ended = at.plus(Duration.ofMinutes(50));
                    out.add(new Timed(ended, new SessionAttended(session, client, code, therapist, CLINIC, number,
                            at, day, ended)));
                    Answers answers = dyad.answers().get(session);
                    if (answers != null && answers.ors() != null) {
                        out.add(new Timed(at.minus(Duration.ofMinutes(5)), feedback("ORS", answers.ors(), session,
                                client, code, therapist, day, number, at, at.minus(Duration.ofMinutes(5)))));
                    }
                    if (answers != null && answers.alliance() != null) {
                        out.add(new Timed(at.plus(Duration.ofMinutes(55)), feedback(answers.allianceInstrument(),
                                answers.alliance(), session, client, code, therapist, day, number, at,
                                at.plus(Duration.ofMinutes(55)))));
                    }
                }
                case NO_SHOW -> out.add(new Timed(at.plus(Duration.ofMinutes(20)), new SessionNoShow(session, client,
                        code, therapist, CLINIC, number, at, day, at.plus(Duration.ofMinutes(20)))));
                case CANCELLED_BY_CLIENT, CANCELLED_BY_CLINIC -> {
                    Instant told = s.lateCancellation() ? at.minus(Duration.ofHours(5)) : at.minus(Duration.ofDays(3));
                    out.add(new Timed(told, new SessionCancelled(session, client, code, therapist, CLINIC, number,
                            at, day, s.attendance() == Attendance.CANCELLED_BY_CLINIC ? "CLINIC" : "CLIENT",
                            s.lateCancellation(), told)));
                }
                case NOT_RECORDED -> {
                }
            }
        }
        LocalDate endDate = endDateOf(dyad);
        Instant closed = endDate.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC); // entered the next morning
        out.add(new Timed(closed, new EpisodeClosed(client, code, CLINIC, episode, therapist,
                dyad.truth().ending() == Ending.DROPOUT ? EpisodeClosed.Ending.DROPOUT : EpisodeClosed.Ending.PLANNED,
                endDate, closed)));
        return out;
    }

    /** A planned ending on the last session's day; a dropout discharged four weeks after the last session. */
    private static LocalDate endDateOf(SimulatedDyad dyad) {
        List<SessionObservation> sessions = dyad.course().sessions();
        Instant last = sessions.get(sessions.size() - 1).scheduledAt();
        return LocalDate.ofInstant(dyad.truth().ending() == Ending.DROPOUT
                ? last.plus(Duration.ofDays(DROPOUT_NOTICED_AFTER_DAYS)) : last, ZoneOffset.UTC);
    }

    /** The ending as the service takes it: the last moment of the end date (event time). */
    public static Optional<EpisodeEnding> endingOf(SimulatedDyad dyad) {
        return Optional.of(new EpisodeEnding(endDateOf(dyad).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(1, ChronoUnit.MICROS), Resolution.EPISODE_CLOSED));
    }

    /**
     * The dyad with its course as the events tell it: the same sessions, each measure scored from the answers as
     * session-service announces it (totals exact, indices to two decimals).
     */
    public static SimulatedDyad asAnnounced(SimulatedDyad dyad) {
        List<SessionObservation> sessions = new ArrayList<>();
        for (SessionObservation s : dyad.course().sessions()) {
            if (s.attendance() != Attendance.ATTENDED) {
                sessions.add(s);
                continue;
            }
            Answers answers = dyad.answers().get(s.sessionId());
            AllianceMeasure alliance = null;
            Double ors = null;
            if (answers != null && answers.alliance() != null) {
                Score score = score(answers.allianceInstrument(), answers.alliance());
                alliance = new AllianceMeasure(score.index().doubleValue(), score.pillar("bond").doubleValue(),
                        score.pillar("goals").doubleValue(), score.pillar("tasks").doubleValue(),
                        "SRS".equals(answers.allianceInstrument()) ? score.total().doubleValue() : null);
            }
            if (answers != null && answers.ors() != null) {
                ors = decimals(answers.ors()).stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
            }
            sessions.add(SessionObservation.attended(s.sessionId(), s.number(), s.scheduledAt(), alliance, ors,
                    answers != null));
        }
        return new SimulatedDyad(dyad.network(), dyad.therapist(), dyad.dyad(), new DyadCourse(sessions),
                dyad.truth(), dyad.answers());
    }

    private static FeedbackSubmitted feedback(String instrument, List<Double> items, UUID session, UUID client,
            String code, UUID therapist, LocalDate day, int number, Instant at, Instant submitted) {
        Score score = score(instrument, items);
        UUID id = UUID.nameUUIDFromBytes(("feedback " + instrument + " " + session).getBytes(UTF_8));
        return new FeedbackSubmitted(id, session, client, code, therapist, CLINIC, day, instrument,
                decimals(items), score.total(), score.subscales(), submitted, number, at, score.index(),
                score.indices());
    }

    /** Totals, subscale sums and indices as session-service's scoring gives them. */
    private record Score(BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal index,
            Map<String, BigDecimal> indices) {

        BigDecimal pillar(String name) {
            return indices.get(name);
        }
    }

    private static Score score(String instrument, List<Double> items) {
        List<BigDecimal> answers = decimals(items);
        BigDecimal total = answers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (instrument) {
            case "SRS" -> {
                Map<String, BigDecimal> subscales = Map.of("bond", answers.get(0), "goals", answers.get(1), "tasks",
                        answers.get(2), "global", answers.get(3));
                Map<String, BigDecimal> indices = new LinkedHashMap<>();
                subscales.forEach((name, value) -> indices.put(name, linear(value, 0, 10)));
                yield new Score(total, subscales, linear(total, 0, 40), indices);
            }
            case "WAI-SR" -> {
                Map<String, int[]> pillars = Map.of("tasks", new int[] { 1, 2, 10, 12 }, "goals",
                        new int[] { 4, 6, 8, 11 }, "bond", new int[] { 3, 5, 7, 9 });
                Map<String, BigDecimal> subscales = new LinkedHashMap<>();
                Map<String, BigDecimal> indices = new LinkedHashMap<>();
                pillars.forEach((name, numbers) -> {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int n : numbers) {
                        sum = sum.add(answers.get(n - 1));
                    }
                    subscales.put(name, sum);
                    indices.put(name, linear(sum, 4, 20));
                });
                yield new Score(total, subscales, linear(total, 12, 60), indices);
            }
            case "ORS" -> new Score(total, Map.of("individual", answers.get(0), "interpersonal", answers.get(1),
                    "social", answers.get(2), "overall", answers.get(3)), null, null);
            default -> throw new IllegalArgumentException(instrument);
        };
    }

    /** (value - lowest) / span x 100, two decimals, half up. */
    private static BigDecimal linear(BigDecimal value, int lowest, int highest) {
        return value.subtract(BigDecimal.valueOf(lowest)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(highest - lowest), 2, RoundingMode.HALF_UP);
    }

    private static List<BigDecimal> decimals(List<Double> items) {
        return items.stream().map(v -> BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP)).toList();
    }
}
