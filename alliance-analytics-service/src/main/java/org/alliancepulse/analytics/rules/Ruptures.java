package org.alliancepulse.analytics.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * The rupture and repair rule (CLINICAL.md; Stiles 2004, Strauss 2006 style as reviewed by Gumz 2012), pure.
 * <ul>
 * <li>Baseline: the running mean and SD of the dyad's scored sessions. Sessions inside an open rupture do not enter
 * it, so a rupture does not lower the bar its own repair must reach; the repair session and later ones do.</li>
 * <li>After the warm-up: a fall below the baseline mean of at least k x max(SD within the dyad, network SD) is a
 * RUPTURE (k = kRupture) or a WATCH (k = kWatch).</li>
 * <li>During the warm-up: a drop of at least earlyDropIndex from the previous scored session, from at or above the
 * low cut-off to below it, is a RUPTURE.</li>
 * <li>Repair: an index at or above the pre-rupture mean within the repair window closes it as REPAIRED; otherwise
 * it turns UNRESOLVED at the last session of the window and stays open until it is repaired.</li>
 * <li>Pillars: those whose own fall against their running mean is at least kWatch x max(their SD, network SD),
 * largest first; when none is, the one that fell most.</li>
 * </ul>
 * Sessions without a score carry the open rupture's state forward.
 */
public final class Ruptures {

    private Ruptures() {
    }

    /** One status per session of the course, in course order. */
    public static List<RuptureStatus> track(DyadCourse course, double networkSd, ClinicalThresholds t) {
        List<RuptureStatus> statuses = new ArrayList<>(course.sessions().size());
        List<AllianceMeasure> baseline = new ArrayList<>();
        Episode open = null;
        AllianceMeasure previous = null;
        int scored = 0;
        double lastDrop = Double.NaN;
        for (SessionObservation session : course.sessions()) {
            if (!session.scored()) {
                statuses.add(open == null ? RuptureStatus.none(lastDrop) : open.status(false, lastDrop));
                continue;
            }
            AllianceMeasure measure = session.alliance();
            double x = measure.index();
            scored++;
            if (open != null) {
                open.scoredSinceOnset++;
                if (x >= open.preRuptureMean) {
                    baseline.add(measure);
                    lastDrop = drop(baseline.subList(0, baseline.size() - 1), x, networkSd);
                    statuses.add(new RuptureStatus(RuptureState.REPAIRED, false, open.early, open.pillars,
                            open.preRuptureMean, open.onsetNumber, open.scoredSinceOnset, lastDrop));
                    open = null;
                } else {
                    if (open.scoredSinceOnset >= t.repairWindowScoredSessions()) {
                        open.unresolved = true;
                    }
                    lastDrop = drop(baseline, x, networkSd);
                    statuses.add(open.status(false, lastDrop));
                }
            } else if (scored <= t.warmUpScoredSessions()) {
                lastDrop = Double.NaN;
                if (previous != null && previous.index() - x >= t.earlyDropIndex() && previous.index() >= t.lowIndex()
                        && x < t.lowIndex()) {
                    open = new Episode(session.number(), mean(baseline, Series.INDEX), true,
                            pillars(baseline, measure, networkSd, t));
                    statuses.add(open.status(true, lastDrop));
                } else {
                    baseline.add(measure);
                    statuses.add(RuptureStatus.none(lastDrop));
                }
            } else {
                lastDrop = drop(baseline, x, networkSd);
                if (lastDrop >= t.kRupture()) {
                    open = new Episode(session.number(), mean(baseline, Series.INDEX), false,
                            pillars(baseline, measure, networkSd, t));
                    statuses.add(open.status(true, lastDrop));
                } else {
                    baseline.add(measure);
                    statuses.add(lastDrop >= t.kWatch()
                            ? new RuptureStatus(RuptureState.WATCH, false, false,
                                    pillars(baseline.subList(0, baseline.size() - 1), measure, networkSd, t),
                                    Double.NaN, 0, 0, lastDrop)
                            : RuptureStatus.none(lastDrop));
                }
            }
            previous = measure;
        }
        return statuses;
    }

    /** How many SDs x lies below the baseline mean, the SD being max(within-dyad SD, network SD). */
    static double drop(List<AllianceMeasure> baseline, double x, double networkSd) {
        if (baseline.isEmpty()) {
            return Double.NaN;
        }
        double sd = Math.max(sd(baseline, Series.INDEX), networkSd);
        return (mean(baseline, Series.INDEX) - x) / sd;
    }

    /** The pillars that fell at this session against the baseline, largest fall first. */
    static List<Pillar> pillars(List<AllianceMeasure> baseline, AllianceMeasure now, double networkSd,
            ClinicalThresholds t) {
        if (baseline.isEmpty()) {
            return List.of();
        }
        Map<Pillar, Double> falls = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) {
            Series value = Series.of(pillar);
            double sd = Math.max(sd(baseline, value), networkSd);
            falls.put(pillar, (mean(baseline, value) - value.of(now)) / sd);
        }
        List<Pillar> byFall = falls.keySet().stream()
                .sorted(Comparator.comparingDouble((Pillar p) -> falls.get(p)).reversed()).toList();
        List<Pillar> named = byFall.stream().filter(p -> falls.get(p) >= t.kWatch()).toList();
        return named.isEmpty() ? List.of(byFall.get(0)) : named;
    }

    private static double mean(List<AllianceMeasure> values, Series value) {
        double sum = 0;
        for (AllianceMeasure measure : values) {
            sum += value.of(measure);
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    /** Sample SD (n - 1); 0 for fewer than two values, so the network SD then decides. */
    private static double sd(List<AllianceMeasure> values, Series value) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values, value);
        double squares = 0;
        for (AllianceMeasure measure : values) {
            double d = value.of(measure) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (values.size() - 1));
    }

    /** Which series of a measure a baseline is about: the index or one pillar. */
    private enum Series {
        INDEX, BOND, GOALS, TASKS;

        static Series of(Pillar pillar) {
            return valueOf(pillar.name());
        }

        double of(AllianceMeasure m) {
            return switch (this) {
                case INDEX -> m.index();
                case BOND -> m.bond();
                case GOALS -> m.goals();
                case TASKS -> m.tasks();
            };
        }
    }

    private static final class Episode {
        final int onsetNumber;
        final double preRuptureMean;
        final boolean early;
        final List<Pillar> pillars;
        int scoredSinceOnset;
        boolean unresolved;

        Episode(int onsetNumber, double preRuptureMean, boolean early, List<Pillar> pillars) {
            this.onsetNumber = onsetNumber;
            this.preRuptureMean = preRuptureMean;
            this.early = early;
            this.pillars = pillars;
        }

        RuptureStatus status(boolean onset, double dropInSd) {
            return new RuptureStatus(unresolved ? RuptureState.UNRESOLVED : RuptureState.RUPTURE, onset, early,
                    pillars, preRuptureMean, onsetNumber, scoredSinceOnset, dropInSd);
        }
    }
}
