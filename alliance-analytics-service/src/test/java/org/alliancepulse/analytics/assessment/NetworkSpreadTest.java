package org.alliancepulse.analytics.assessment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancepulse.analytics.DyadStory;
import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.dyad.FeedbackMeasure;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The network SD is the network's as it was when a course began (event time), taken once per month and kept: the
 * wall clock of processing, later arrivals and what-if replays do not move it. Uses 2019, 2017 and 2016, which no
 * other test writes.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class NetworkSpreadTest {

    private static final ClinicalThresholds RULES = ClinicalThresholds.defaults();

    @Inject
    NetworkSpread spread;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aCourseIsJudgedWithTheNetworkAsItWasWhenItBeganAndTheSnapshotIsKept() {
        // 30 dyads in January 2019, each rating 80 then 84: within-dyad variance 8, so a pooled SD of sqrt(8)
        for (int dyad = 0; dyad < RULES.networkSdMinDyads(); dyad++) {
            dyadRated(LocalDate.parse("2019-01-07"), 80, 84);
        }
        double pooled = Math.sqrt(8);

        assertEquals(RULES.networkSdPrior(), spread.forCourse(courseFrom("2019-01-21T10:00:00Z"), RULES), 1e-9,
                "a course that began in January: nothing before January, so the prior");
        assertEquals(pooled, spread.forCourse(courseFrom("2019-02-04T10:00:00Z"), RULES), 1e-9,
                "a course that began in February: January's dyads");
        NetworkSd.Spread february = spread.spreadForCourse(courseFrom("2019-02-04T10:00:00Z"), RULES);
        assertEquals(Math.sqrt(32), february.bond(), 1e-9, "each pillar pooled over its own series");
        assertEquals(pooled, february.goals(), 1e-9, "a pillar not given: the index stands in");
        assertEquals(0, february.tasks(), 1e-9);
        assertTrue(Double.isNaN(spread.spreadForCourse(courseFrom("2019-01-21T10:00:00Z"), RULES).bond()),
                "no pillar SD while the prior is in use");

        // January feedback that arrives after February's snapshot was taken does not move it, nor does forgetting
        // the kept copy (it is read back from the table)
        dyadRated(LocalDate.parse("2019-01-14"), 60, 90);
        spread.refresh();
        assertEquals(pooled, spread.forCourse(courseFrom("2019-02-25T10:00:00Z"), RULES), 1e-9);

        // a what-if replay sees March's network without keeping a snapshot of it
        double withLate = Math.sqrt((30 * 8 + 450) / 31.0);
        assertEquals(withLate, spread.lookingOnly().apply(courseFrom("2019-03-04T10:00:00Z")).sd(RULES), 1e-9);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) FeedbackMeasure.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM network_sd_snapshot WHERE month = DATE '2019-03-01'")
                .getSingleResult()).longValue()), "nothing kept by the what-if");
        assertEquals(withLate, spread.forCourse(courseFrom("2019-03-04T10:00:00Z"), RULES), 1e-9);
    }

    /**
     * A month whose lookback held too few dyads when first needed is judged with the prior, not kept, and pooled
     * again once sessions from its lookback arrive (a history taken in out of time order): then kept. 2018, which no
     * other test writes.
     */
    @Test
    void aMonthStillUnderThePriorIsPooledAgainWhenItsHistoryArrives() {
        for (int dyad = 0; dyad < RULES.networkSdMinDyads() - 1; dyad++) {
            dyadRated(LocalDate.parse("2014-01-06"), 80, 84);
        }
        assertEquals(RULES.networkSdPrior(), spread.forCourse(courseFrom("2014-02-03T10:00:00Z"), RULES), 1e-9,
                "one dyad short before February: the prior");
        assertEquals(0L, snapshotsOf("2014-02-01"), "not kept while the prior stands in");

        dyadRated(LocalDate.parse("2014-01-13"), 80, 84);
        spread.historyArrived(LocalDate.parse("2015-01-01"), RULES);
        assertEquals(RULES.networkSdPrior(), spread.forCourse(courseFrom("2014-02-10T10:00:00Z"), RULES), 1e-9,
                "sessions outside February's lookback change nothing");
        spread.historyArrived(LocalDate.parse("2014-01-13"), RULES);
        assertEquals(Math.sqrt(8), spread.forCourse(courseFrom("2014-02-10T10:00:00Z"), RULES), 1e-9,
                "the thirtieth dyad arrived: pooled again");
        assertEquals(1L, snapshotsOf("2014-02-01"), "and kept");
        dyadRated(LocalDate.parse("2014-01-20"), 60, 90);
        spread.historyArrived(LocalDate.parse("2014-01-20"), RULES);
        spread.refresh();
        assertEquals(Math.sqrt(8), spread.forCourse(courseFrom("2014-02-17T10:00:00Z"), RULES), 1e-9,
                "a kept snapshot is not pooled again");
    }

    /**
     * The batch that brings a thin month's history is not committed when it says so; the month is forgotten after
     * the commit, since pooling reads on a connection of its own and would not see the batch's rows before it: a
     * month pooled in between (thin, without them) is not the one kept. 2013, which no other test writes.
     */
    @Test
    void aThinMonthIsForgottenOnlyOnceTheHistoryThatFillsItIsCommitted() {
        for (int dyad = 0; dyad < RULES.networkSdMinDyads() - 1; dyad++) {
            dyadRated(LocalDate.parse("2013-01-07"), 80, 84);
        }
        assertEquals(RULES.networkSdPrior(), spread.forCourse(courseFrom("2013-02-04T10:00:00Z"), RULES), 1e-9);

        QuarkusTransaction.requiringNew().run(() -> {
            UUID client = UUID.randomUUID();
            UUID therapist = UUID.randomUUID();
            measure(client, therapist, LocalDate.parse("2013-01-14"), 80).persist();
            measure(client, therapist, LocalDate.parse("2013-01-21"), 84).persist();
            FeedbackMeasure.getEntityManager().flush();
            spread.historyArrived(LocalDate.parse("2013-01-14"), RULES);
            assertEquals(RULES.networkSdPrior(), spread.forCourse(courseFrom("2013-02-11T10:00:00Z"), RULES), 1e-9,
                    "not committed yet: pooled without the thirtieth dyad");
        });
        assertEquals(Math.sqrt(8), spread.forCourse(courseFrom("2013-02-18T10:00:00Z"), RULES), 1e-9,
                "committed: pooled again, with it");
    }

    private static long snapshotsOf(String month) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) FeedbackMeasure.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM network_sd_snapshot WHERE month = CAST(:month AS date)")
                .setParameter("month", month).getSingleResult()).longValue());
    }

    /**
     * The consumer judges a course with its month's pillar SDs too: one pillar falling far opens a rupture that the
     * index alone would only watch. January 2016 (no other test writes it): 30 dyads with index 80 then 88 (SD 5.66)
     * and bond 80 then 96 (SD 11.31). A client from February rated 9 9 9 9 three times, then 5 9 9 9: the index fell
     * 10 points, 1.53 prediction SDs (a watch); the bond 40, 3.06 of its own (>= 2.5).
     */
    @Test
    void theConsumerOpensARuptureWhereOnePillarFellFarAgainstItsNetworkSd() {
        for (int dyad = 0; dyad < RULES.networkSdMinDyads(); dyad++) {
            dyadRated(LocalDate.parse("2016-01-04"), 80, 88);
        }
        DyadStory story = DyadStory.assigned(new KafkaEvents(kafka), "pillar-" + UUID.randomUUID(),
                Instant.parse("2016-02-01T09:00:00Z"));
        story.attended(9, 9, 9, 9).attended(9, 9, 9, 9).attended(9, 9, 9, 9).attended(5, 9, 9, 9);

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE'", story.clientId) == 1);
        Alert rupture = Alert.find("clientId = ?1 and kind = 'RUPTURE'", story.clientId).firstResult();
        assertEquals("BOND", rupture.pillars);
    }

    /** A snapshot taken before pillars were pooled (V8) has no pillar SDs: that month is judged by the index alone. */
    @Test
    void aSnapshotFromBeforePillarsWerePooledGivesNoPillarSd() {
        QuarkusTransaction.requiringNew().run(() -> FeedbackMeasure.getEntityManager().createNativeQuery("""
                INSERT INTO network_sd_snapshot (month, dyads, squares, degrees_of_freedom, computed_at)
                VALUES (DATE '2017-06-01', 40, 1000, 40, now())""").executeUpdate());

        NetworkSd.Spread june = spread.spreadForCourse(courseFrom("2017-06-12T10:00:00Z"), RULES);

        assertEquals(5, june.index(), 1e-9);
        assertTrue(Double.isNaN(june.bond()) && Double.isNaN(june.goals()) && Double.isNaN(june.tasks()));
    }

    private static DyadCourse courseFrom(String firstSession) {
        return DyadCourse.empty().with(SessionObservation.attended(UUID.randomUUID(), 1, Instant.parse(firstSession),
                new AllianceMeasure(90, 90, 90, 90, 36.0), null, true));
    }

    /** One client-therapist pair's SRS answers at two weekly sessions from {@code first}, as the consumer stores them. */
    private static void dyadRated(LocalDate first, double firstIndex, double secondIndex) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            measure(client, therapist, first, firstIndex).persist();
            measure(client, therapist, first.plusWeeks(1), secondIndex).persist();
        });
    }

    private static FeedbackMeasure measure(UUID client, UUID therapist, LocalDate day, double index) {
        FeedbackMeasure m = new FeedbackMeasure();
        m.feedbackId = UUID.randomUUID();
        m.sessionId = UUID.randomUUID();
        m.clientId = client;
        m.therapistId = therapist;
        m.clinicId = "network-sd-test";
        m.sessionDate = day;
        m.instrument = "SRS";
        m.total = BigDecimal.valueOf(index / 2.5);
        m.allianceIndex = BigDecimal.valueOf(index);
        // bond moves twice as far as the index, goals not given (the index stands in), tasks never moves
        m.bondIndex = BigDecimal.valueOf(2 * index - 80);
        m.tasksIndex = BigDecimal.valueOf(90);
        m.submittedAt = day.atTime(11, 0).toInstant(java.time.ZoneOffset.UTC);
        return m;
    }
}
