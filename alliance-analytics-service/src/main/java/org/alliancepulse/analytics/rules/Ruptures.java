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
 * <li>Baseline: the running mean of the dyad's scored sessions. Sessions inside an open rupture or a pending WATCH do
 * not enter it, so a rupture does not lower the bar its own repair must reach; the repair session and later ones
 * do.</li>
 * <li>The SD of a fall: max(SD within the dyad, network SD) after the warm-up, the network SD during it (two or three
 * scores give no usable SD of their own), times sqrt(1/m + 1/n) for a fall of the mean of m sessions against a
 * baseline of n: the prediction SD, so a baseline of one or two sessions is not trusted like one of ten.</li>
 * <li>First signal (WATCH, shown, no alert): after the warm-up a fall of at least kWatch SDs; during the warm-up the
 * early rule, a fall of at least earlyDropIndex points to below the low cut-off.</li>
 * <li>RUPTURE: a first signal confirmed at the next scored session (that session again a signal, and the mean of
 * the two at least kRupture SDs and ruptureMinDropIndex points below the baseline), or at once when a single
 * session is a signal at least kRupture SDs and ruptureMinDropIndex points below it, or (after the warm-up) a signal
 * at least ruptureMinDropIndex points down in which one pillar alone fell kPillarRupture of its own prediction SDs
 * (its network SD from {@link NetworkSd.Spread}). Otherwise the watch passes and both sessions join the baseline. A
 * confirmed rupture's onset is its first session.</li>
 * <li>Repair: an index at or above the pre-rupture mean within the repair window closes it as REPAIRED; otherwise
 * it turns UNRESOLVED at the last session of the window and stays open until it is repaired.</li>
 * <li>Pillars: those whose own fall against their running mean is at least kWatch x max(their SD, their network
 * SD floored at the index's; the index's where pillar SDs are not known) and at least half the largest pillar's
 * fall, largest first; when none is, the one that fell most (for a confirmed rupture, the mean of its two
 * sessions).</li>
 * </ul>
 * Sessions without a score carry the open rupture's state forward.
 */
public final class Ruptures {

    private Ruptures() {
    }

    /** One status per session of the course, in course order, with the index's network SD alone (no pillar SDs). */
    public static List<RuptureStatus> track(DyadCourse course, double networkSd, ClinicalThresholds t) {
        return track(course, NetworkSd.Spread.indexOnly(networkSd), t);
    }

    /** One status per session of the course, in course order. */
    public static List<RuptureStatus> track(DyadCourse course, NetworkSd.Spread spread, ClinicalThresholds t) {
        double networkSd = spread.index();
        List<RuptureStatus> statuses = new ArrayList<>(course.sessions().size());
        List<AllianceMeasure> baseline = new ArrayList<>();
        Episode open = null;
        AllianceMeasure watched = null;
        int watchedNumber = 0;
        boolean watchedEarly = false;
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
                continue;
            }
            boolean warmUp = scored <= t.warmUpScoredSessions();
            Fall fall = fall(baseline, measure, warmUp, spread, t);
            lastDrop = warmUp ? Double.NaN : fall.inSd;
            if (watched != null) {
                // the next scored session after a first fall: still down confirms it, else the watch passes
                if (confirms(baseline, watched, measure, watchedEarly, networkSd, t)) {
                    open = new Episode(watchedNumber, mean(baseline, Series.INDEX), watchedEarly, 1,
                            pillars(baseline, average(watched, measure), spread, t));
                    statuses.add(open.status(true, lastDrop));
                    watched = null;
                    continue;
                }
                baseline.add(watched);
                watched = null;
                fall = fall(baseline, measure, warmUp, spread, t);
                lastDrop = warmUp ? Double.NaN : fall.inSd;
            }
            if (fall.immediate) {
                open = new Episode(session.number(), mean(baseline, Series.INDEX), warmUp, 0,
                        pillars(baseline, measure, spread, t));
                statuses.add(open.status(true, lastDrop));
            } else if (fall.signal) {
                watched = measure;
                watchedNumber = session.number();
                watchedEarly = warmUp;
                statuses.add(new RuptureStatus(RuptureState.WATCH, false, warmUp,
                        pillars(baseline, measure, spread, t), Double.NaN, 0, 0, lastDrop));
            } else {
                baseline.add(measure);
                statuses.add(RuptureStatus.none(lastDrop));
            }
        }
        return statuses;
    }

    /**
     * How one scored session fell against the baseline: in prediction SDs, a first signal, a rupture at once (the
     * index far enough down, or after the warm-up one pillar alone; see {@link #onePillarFell}).
     */
    private static Fall fall(List<AllianceMeasure> baseline, AllianceMeasure measure, boolean warmUp,
            NetworkSd.Spread spread, ClinicalThresholds t) {
        if (baseline.isEmpty()) {
            return new Fall(Double.NaN, false, false);
        }
        double mean = mean(baseline, Series.INDEX);
        double x = measure.index();
        double points = mean - x;
        double inSd = points / (baselineSd(baseline, warmUp, spread.index()) * Math.sqrt(1 + 1.0 / baseline.size()));
        boolean signal = warmUp
                ? points >= t.earlyDropIndex() && x < t.lowIndex()
                : inSd >= t.kWatch();
        boolean immediate = signal && points >= t.ruptureMinDropIndex()
                && (inSd >= t.kRupture() || !warmUp && onePillarFell(baseline, measure, spread, t));
        return new Fall(inSd, signal, immediate);
    }

    /**
     * Whether one pillar alone fell at least kPillarRupture of its own prediction SDs: max(its SD within the dyad,
     * its network SD, the index's network SD) x sqrt(1 + 1/n). The index's SD is a floor: one item is never less
     * noisy than the mean of all, so a pillar that hardly varied across the network does not make every fall count. A rupture often hits one pillar hard and the others little (SRS items are
     * scored near the ceiling, so item-level drops matter, CLINICAL.md), and the index, the mean of all items,
     * dilutes such a fall. The pillar's own network SD is what makes the threshold fit how noisy one pillar is in
     * this network; without it (the prior in use) no pillar opens a rupture on its own.
     */
    private static boolean onePillarFell(List<AllianceMeasure> baseline, AllianceMeasure measure,
            NetworkSd.Spread spread, ClinicalThresholds t) {
        if (t.kPillarRupture() <= 0) {
            return false;
        }
        for (Pillar pillar : Pillar.values()) {
            if (Double.isNaN(spread.of(pillar))) {
                continue; // not known: the prior in use, or a snapshot from before pillars were pooled
            }
            double networkPillarSd = Math.max(spread.of(pillar), spread.index());
            Series value = Series.of(pillar);
            double sd = Math.max(sd(baseline, value), networkPillarSd) * Math.sqrt(1 + 1.0 / baseline.size());
            if ((mean(baseline, value) - value.of(measure)) / sd >= t.kPillarRupture()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the session after a first signal confirms it (see the class comment). */
    private static boolean confirms(List<AllianceMeasure> baseline, AllianceMeasure first, AllianceMeasure second,
            boolean warmUp, double networkSd, ClinicalThresholds t) {
        double mean = mean(baseline, Series.INDEX);
        double sd = baselineSd(baseline, warmUp, networkSd);
        double both = (first.index() + second.index()) / 2;
        double points = mean - both;
        double inSd = points / (sd * Math.sqrt(0.5 + 1.0 / baseline.size()));
        double secondInSd = (mean - second.index()) / (sd * Math.sqrt(1 + 1.0 / baseline.size()));
        boolean below = warmUp ? second.index() < t.lowIndex() && mean - second.index() >= t.earlyDropIndex()
                : secondInSd >= t.kWatch();
        return below && points >= t.ruptureMinDropIndex() && inSd >= t.kRupture();
    }

    private static double baselineSd(List<AllianceMeasure> baseline, boolean warmUp, double networkSd) {
        return warmUp ? networkSd : Math.max(sd(baseline, Series.INDEX), networkSd);
    }

    /** A session's fall: in prediction SDs, whether it is a first signal, whether it is a rupture at once. */
    private record Fall(double inSd, boolean signal, boolean immediate) {
    }

    private static AllianceMeasure average(AllianceMeasure a, AllianceMeasure b) {
        return new AllianceMeasure((a.index() + b.index()) / 2, (a.bond() + b.bond()) / 2,
                (a.goals() + b.goals()) / 2, (a.tasks() + b.tasks()) / 2,
                a.srsTotal() == null || b.srsTotal() == null ? null : (a.srsTotal() + b.srsTotal()) / 2);
    }

    /** How many prediction SDs x lies below the baseline mean, the SD being max(within-dyad SD, network SD). */
    static double drop(List<AllianceMeasure> baseline, double x, double networkSd) {
        if (baseline.isEmpty()) {
            return Double.NaN;
        }
        double sd = Math.max(sd(baseline, Series.INDEX), networkSd) * Math.sqrt(1 + 1.0 / baseline.size());
        return (mean(baseline, Series.INDEX) - x) / sd;
    }

    /** The pillars that fell at this session against the baseline, largest fall first. */
    static List<Pillar> pillars(List<AllianceMeasure> baseline, AllianceMeasure now, NetworkSd.Spread spread,
            ClinicalThresholds t) {
        double networkSd = spread.index();
        if (baseline.isEmpty()) {
            return List.of();
        }
        Map<Pillar, Double> falls = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) {
            Series value = Series.of(pillar);
            double own = Double.isNaN(spread.of(pillar)) ? networkSd : Math.max(spread.of(pillar), networkSd);
            double sd = Math.max(sd(baseline, value), own);
            falls.put(pillar, (mean(baseline, value) - value.of(now)) / sd);
        }
        List<Pillar> byFall = falls.keySet().stream()
                .sorted(Comparator.comparingDouble((Pillar p) -> falls.get(p)).reversed()).toList();
        // a pillar that fell a little beside one that fell far is not named: "the bond, and the tasks" for a bond
        // down 5.5 SRS points and the tasks down 0.5 sent the clinician looking for what was not there
        double largest = falls.get(byFall.get(0));
        List<Pillar> named = byFall.stream()
                .filter(p -> falls.get(p) >= t.kWatch() && falls.get(p) >= largest / 2).toList();
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

        Episode(int onsetNumber, double preRuptureMean, boolean early, int scoredSinceOnset, List<Pillar> pillars) {
            this.onsetNumber = onsetNumber;
            this.scoredSinceOnset = scoredSinceOnset;
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
