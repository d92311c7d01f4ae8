package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CourseAssessmentTest {

    private static final ClinicalThresholds DEFAULTS = ClinicalThresholds.defaults();
    private static final String COURSE = "90 92 x 91 80:60:90:90 84 l 86 85 - 85 83 85 95 88 c 70 70 70 70";

    @ParameterizedTest(name = "arrival order seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void outOfOrderArrivalGivesTheSameAssessmentAsInOrder(long seed) {
        DyadCourse inOrder = Courses.weekly(COURSE);
        List<SessionObservation> arrivals = new ArrayList<>(inOrder.sessions());
        Collections.shuffle(arrivals, new Random(seed));
        DyadCourse shuffled = DyadCourse.empty();
        for (SessionObservation session : arrivals) {
            shuffled = shuffled.with(session);
        }

        assertEquals(CourseAssessment.assess(inOrder, 5, DEFAULTS), CourseAssessment.assess(shuffled, 5, DEFAULTS));
    }

    @Test
    void aCorrectionReplacesTheSessionsObservation() {
        DyadCourse typo = Courses.weekly("90 90 90 9");
        SessionObservation wrong = typo.sessions().get(3);
        DyadCourse corrected = typo.with(SessionObservation.attended(wrong.sessionId(), 4, wrong.scheduledAt(),
                Courses.measure("89"), null, true));

        assertEquals(CourseAssessment.assess(Courses.weekly("90 90 90 89"), 5, DEFAULTS),
                CourseAssessment.assess(corrected, 5, DEFAULTS));
        assertEquals(4, corrected.sessions().size());
        assertEquals(RuptureState.RUPTURE, CourseAssessment.assess(typo, 5, DEFAULTS).get(3).rupture().state());
    }

    @Test
    void ordersBySessionNumberThenScheduledTime() {
        SessionObservation late = Courses.session(2, Courses.START.plus(Duration.ofDays(7)), "90");
        SessionObservation early = Courses.session(1, Courses.START.plus(Duration.ofDays(9)), "80");

        assertEquals(List.of(1, 2), new DyadCourse(List.of(late, early)).sessions().stream()
                .map(SessionObservation::number).toList());
        assertThrows(IllegalArgumentException.class, () -> new DyadCourse(List.of(early, early)));
    }

    @Test
    void aSessionNotRecordedYetKeepsTheRiskAndDecidesNothing() {
        List<SessionAssessment> assessments = CourseAssessment.assess(Courses.weekly("70 x 70 x ?"), 5, DEFAULTS);

        assertEquals(assessments.get(3).risk(), assessments.get(4).risk());
        assertEquals(1, AlertLifecycle.decide(assessments, DEFAULTS, Optional.empty()).size());
    }

    @Test
    void aWaiSrSeriesSharesTheIndexWithTheSrs() {
        SessionObservation wai = SessionObservation.attended(java.util.UUID.randomUUID(), 4,
                Courses.START.plus(Duration.ofDays(21)), AllianceMeasure.waiSr(Collections.nCopies(12, 4)), null, true);
        DyadCourse course = Courses.weekly("90 90 90").with(wai);

        SessionAssessment last = CourseAssessment.assess(course, 5, DEFAULTS).get(3);
        assertEquals(75, last.index(), 1e-9);
        assertEquals(RuptureState.RUPTURE, last.rupture().state());
        assertEquals(false, last.lowAlliance());
    }
}
