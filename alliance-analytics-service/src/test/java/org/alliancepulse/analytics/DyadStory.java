package org.alliancepulse.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionScheduled;
import org.alliancepulse.testinfra.kafka.KafkaEvents;

/**
 * A dyad's weekly sessions as session-service and intake-service would announce them, told to the real broker:
 * {@code story.attended(9.5, 9.5, 9.5, 9.5).noShow().attended(5, 9, 8, 8)}. Sessions are dated in the past (event
 * time), one week apart from {@code start}.
 */
public final class DyadStory {

    public final UUID clientId = UUID.randomUUID();
    public final UUID therapistId;
    public final UUID episodeId = UUID.randomUUID();
    public final String clientCode = "C-" + clientId.toString().substring(0, 6).toUpperCase();
    public final String clinicId;
    public final Instant start;
    public final List<UUID> sessionIds = new ArrayList<>();
    /** The SRS feedback's id per session number, for corrections. */
    private final Map<Integer, UUID> feedbackIds = new java.util.HashMap<>();
    private final KafkaEvents events;
    private final List<EventPayload> published = new ArrayList<>();

    private ZoneOffset heldAt = ZoneOffset.UTC;

    private DyadStory(KafkaEvents events, String clinicId, Instant start, UUID therapistId) {
        this.events = events;
        this.therapistId = therapistId;
        this.clinicId = clinicId;
        this.start = start;
    }

    /** The assignment (a day before the first session) is published at once. */
    public static DyadStory assigned(KafkaEvents events, String clinicId, Instant start) {
        return assigned(events, clinicId, start, UUID.randomUUID());
    }

    /** The same with a given therapist (several clients of one therapist). */
    public static DyadStory assigned(KafkaEvents events, String clinicId, Instant start, UUID therapistId) {
        DyadStory story = new DyadStory(events, clinicId, start, therapistId);
        story.publish(new ClientAssigned(story.clientId, story.clientCode, clinicId, story.therapistId,
                start.minus(Duration.ofDays(1)), story.episodeId));
        return story;
    }

    public Instant timeOf(int number) {
        return start.plus(Duration.ofDays(7L * (number - 1)));
    }

    /** An attended session with the client's SRS answers (relationship, goals and topics, approach, overall). */
    public DyadStory attended(double relationship, double goals, double approach, double overall) {
        return rated(true, relationship, goals, approach, overall);
    }

    /** A session whose SRS answers arrive without an attendance ever being recorded (the answers say it was held). */
    public DyadStory answered(double relationship, double goals, double approach, double overall) {
        return rated(false, relationship, goals, approach, overall);
    }

    private DyadStory rated(boolean recordAttendance, double relationship, double goals, double approach,
            double overall) {
        schedule();
        int number = sessionIds.size();
        if (recordAttendance) {
            attendance(number);
        }
        return answersOf(number, relationship, goals, approach, overall);
    }

    /** An attended session whose answers have not come (yet: {@link #answersOf} brings them later). */
    public DyadStory attendedWithoutAnswers() {
        schedule();
        attendance(sessionIds.size());
        return this;
    }

    private void attendance(int number) {
        Instant at = timeOf(number);
        publish(new SessionAttended(sessionIds.get(number - 1), clientId, clientCode, therapistId, clinicId, number,
                at, dayOf(at), at));
    }

    /** The client's SRS answers of session {@code number}, which is already booked. */
    public DyadStory answersOf(int number, double relationship, double goals, double approach, double overall) {
        Instant at = timeOf(number);
        LocalDate day = dayOf(at);
        List<BigDecimal> answers = Arrays.stream(new double[] { relationship, goals, approach, overall })
                .mapToObj(BigDecimal::valueOf).toList();
        BigDecimal total = answers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID feedbackId = UUID.randomUUID();
        feedbackIds.put(number, feedbackId);
        publish(new FeedbackSubmitted(feedbackId, sessionIds.get(number - 1), clientId, clientCode, therapistId,
                clinicId, day, "SRS", answers, total, Map.of("bond", answers.get(0), "goals", answers.get(1),
                        "tasks", answers.get(2), "global", answers.get(3)),
                at.plusSeconds(3000), number, at, total.multiply(BigDecimal.valueOf(2.5)).setScale(2),
                Map.of("bond", tenfold(answers.get(0)), "goals", tenfold(answers.get(1)), "tasks",
                        tenfold(answers.get(2)), "global", tenfold(answers.get(3)))));
        return this;
    }

    /** The SRS answers of session {@code number} corrected (as session-service announces a PUT of the feedback). */
    public DyadStory corrected(int number, double relationship, double goals, double approach, double overall) {
        Instant at = timeOf(number);
        List<BigDecimal> answers = Arrays.stream(new double[] { relationship, goals, approach, overall })
                .mapToObj(BigDecimal::valueOf).toList();
        BigDecimal total = answers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        publish(new FeedbackCorrected(feedbackIds.get(number), sessionIds.get(number - 1), clientId, clientCode,
                therapistId, clinicId, number, at, dayOf(at), "SRS", answers, total,
                Map.of("bond", answers.get(0), "goals", answers.get(1), "tasks", answers.get(2), "global",
                        answers.get(3)),
                total.multiply(BigDecimal.valueOf(2.5)).setScale(2), answers, at.plusSeconds(3000),
                at.plus(Duration.ofDays(60)), Map.of("bond", tenfold(answers.get(0)), "goals",
                        tenfold(answers.get(1)), "tasks", tenfold(answers.get(2)), "global",
                        tenfold(answers.get(3)))));
        return this;
    }

    public DyadStory noShow() {
        UUID session = schedule();
        int number = sessionIds.size();
        Instant at = timeOf(number);
        publish(new SessionNoShow(session, clientId, clientCode, therapistId, clinicId, number, at,
                dayOf(at), at));
        return this;
    }

    public DyadStory lateCancellation() {
        UUID session = schedule();
        int number = sessionIds.size();
        Instant at = timeOf(number);
        publish(new SessionCancelled(session, clientId, clientCode, therapistId, clinicId, number, at,
                dayOf(at), "CLIENT", true, at.minusSeconds(3600)));
        return this;
    }

    /** The episode ended on {@link #endDate()}; the discharge was entered three days later. */
    public DyadStory ended(EpisodeClosed.Ending ending) {
        publish(new EpisodeClosed(clientId, clientCode, clinicId, episodeId, therapistId, ending, endDate(),
                endDate().atTime(15, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofDays(3))));
        return this;
    }

    /** The episode ended on {@code endDate} (the clinic's date); the discharge was entered three days later. */
    public DyadStory ended(EpisodeClosed.Ending ending, LocalDate endDate) {
        publish(new EpisodeClosed(clientId, clientCode, clinicId, episodeId, therapistId, ending, endDate,
                endDate.atTime(15, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofDays(3))));
        return this;
    }

    /** The day {@link #ended} ends the episode on: ten days after the latest session. */
    public LocalDate endDate() {
        return LocalDate.ofInstant(timeOf(sessionIds.size()).plus(Duration.ofDays(10)), ZoneOffset.UTC);
    }

    public int sessions() {
        return sessionIds.size();
    }

    private UUID schedule() {
        UUID session = UUID.randomUUID();
        sessionIds.add(session);
        int number = sessionIds.size();
        Instant at = timeOf(number);
        publish(new SessionScheduled(session, clientId, therapistId, clinicId, dayOf(at), number, at, episodeId));
        return session;
    }

    /**
     * Sessions held where the clock reads {@code offset}: session-service dates each at that offset (an evening
     * session in New York is the next day in UTC).
     */
    public DyadStory heldAt(ZoneOffset offset) {
        this.heldAt = offset;
        return this;
    }

    private LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, heldAt);
    }

    private void publish(EventPayload payload) {
        events.publish(payload);
        published.add(payload);
    }

    /** Every event of the story again, under new event ids: as a producer restored from a backup would. */
    public static void replayed(KafkaEvents events, DyadStory story) {
        story.published.forEach(events::publish);
    }

    private static BigDecimal tenfold(BigDecimal item) {
        return item.multiply(BigDecimal.TEN).setScale(2, RoundingMode.HALF_UP);
    }
}
