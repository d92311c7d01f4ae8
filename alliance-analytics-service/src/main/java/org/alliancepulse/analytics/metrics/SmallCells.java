package org.alliancepulse.analytics.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small-cell suppression with complementary suppression, pure. The cells are counts; some of them add up to others
 * (a network's count is the sum of its clinics', an alert count the sum of its kinds): each such relation is a
 * {@link Sum}. Counts from 1 to the threshold are suppressed (primary); then, until nothing changes, every sum in
 * which a suppressed cell could be worked out from the cells still shown gets more cells suppressed (complementary):
 * <ul>
 * <li>a sum with exactly one suppressed cell gets a second one (the smallest non-zero count shown among its parts,
 * or its total when no part is left), so no suppressed cell is the difference of shown ones;</li>
 * <li>while its total is shown, the suppressed parts must together be large enough that none of them can be pinned
 * down to a small count: their sum less one for every other suppressed part is above the threshold (each suppressed
 * part is at least 1, as zeros are never suppressed, so a part's largest possible value is exactly that).</li>
 * </ul>
 * Zeros are shown: "nobody" identifies nobody. The result over-suppresses rather than under-suppresses;
 * {@code SmallCellsTest} attacks it with interval reasoning over every sum on random tables.
 */
public final class SmallCells {

    private SmallCells() {
    }

    /** {@code total} is the sum of {@code parts} (indices into the cells). */
    public record Sum(int total, List<Integer> parts) {
    }

    /** The indices of the cells to suppress. */
    public static Set<Integer> suppress(long[] cells, List<Sum> sums, int threshold) {
        Set<Integer> hidden = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] >= 1 && cells[i] <= threshold) {
                hidden.add(i);
            }
        }
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Sum sum : sums) {
                    changed |= protect(cells, sum, hidden, threshold);
                }
            }
            // the sums taken one at a time are safe; taken together they may still narrow a cell down
            int exposed = firstExposed(cells, sums, hidden, threshold);
            if (exposed < 0) {
                return hidden;
            }
            hidden.add(companionOf(exposed, cells, sums, hidden));
        }
    }

    /**
     * What a reader can work out: every shown cell, every sum, whole non-negative counts, suppressed cells at least 1.
     * Narrows each suppressed cell's interval over all sums until nothing changes; returns a suppressed small count
     * left pinned to one value or below the threshold, or -1 when there is none.
     */
    static int firstExposed(long[] cells, List<Sum> sums, Set<Integer> hidden, int threshold) {
        long[][] bounds = bounds(cells, sums, hidden);
        for (int i = 0; i < cells.length; i++) {
            if (hidden.contains(i) && cells[i] <= threshold
                    && (bounds[1][i] == bounds[0][i] || bounds[1][i] <= threshold)) {
                return i;
            }
        }
        return -1;
    }

    /** Low and high bounds of every cell, as a reader narrows them (shown cells: their value). */
    static long[][] bounds(long[] cells, List<Sum> sums, Set<Integer> hidden) {
        long unknown = Long.MAX_VALUE / 4; // nothing bounds a suppressed cell from above but the sums
        long[] low = new long[cells.length];
        long[] high = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            low[i] = hidden.contains(i) ? 1 : cells[i];
            high[i] = hidden.contains(i) ? unknown : cells[i];
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                long partsLow = 0;
                long partsHigh = 0;
                for (int p : sum.parts()) {
                    partsLow += low[p];
                    partsHigh = Math.min(unknown, partsHigh + high[p]);
                }
                int t = sum.total();
                if (partsLow > low[t] || partsHigh < high[t]) {
                    low[t] = Math.max(low[t], partsLow);
                    high[t] = Math.min(high[t], partsHigh);
                    changed = true;
                }
                for (int p : sum.parts()) {
                    long others = partsHigh >= unknown ? unknown : partsHigh - high[p];
                    long lo = others >= unknown ? low[p] : Math.max(low[p], low[t] - others);
                    long hi = high[t] >= unknown ? high[p] : Math.min(high[p], high[t] - (partsLow - low[p]));
                    if (lo > low[p] || hi < high[p]) {
                        low[p] = lo;
                        high[p] = hi;
                        changed = true;
                    }
                }
            }
        }
        return new long[][] { low, high };
    }

    /** The cell to suppress beside an exposed one: the smallest non-zero count shown in a sum it belongs to. */
    private static int companionOf(int exposed, long[] cells, List<Sum> sums, Set<Integer> hidden) {
        Comparator<Integer> smallest = Comparator.comparingLong((Integer i) -> cells[i]).thenComparing(i -> i);
        return sums.stream().filter(s -> s.total() == exposed || s.parts().contains(exposed))
                .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.total()),
                        s.parts().stream()))
                .filter(i -> !hidden.contains(i) && cells[i] > 0).min(smallest)
                // nothing left around it: the smallest shown count anywhere (the loop ends, at worst all hidden)
                .orElseGet(() -> java.util.stream.IntStream.range(0, cells.length).boxed()
                        .filter(i -> !hidden.contains(i) && cells[i] > 0).min(smallest)
                        .orElseThrow(() -> new IllegalStateException("every count is hidden and still exposed")));
    }

    /** Suppresses more cells of one sum until it reveals no suppressed cell; whether it changed anything. */
    private static boolean protect(long[] cells, Sum sum, Set<Integer> hidden, int threshold) {
        boolean changed = false;
        while (true) {
            List<Integer> hiddenParts = sum.parts().stream().filter(hidden::contains).toList();
            boolean totalHidden = hidden.contains(sum.total());
            int hiddenCount = hiddenParts.size() + (totalHidden ? 1 : 0);
            if (hiddenCount == 0) {
                return changed;
            }
            boolean enough;
            if (totalHidden) {
                enough = hiddenCount >= 2; // the total and a part, or several parts: no single difference
            } else {
                long hiddenSum = hiddenParts.stream().mapToLong(i -> cells[i]).sum();
                enough = hiddenParts.size() >= 2 && hiddenSum - (hiddenParts.size() - 1) > threshold;
            }
            if (enough) {
                return changed;
            }
            List<Integer> candidates = new ArrayList<>(sum.parts().stream()
                    .filter(i -> !hidden.contains(i) && cells[i] > 0).toList());
            candidates.sort(Comparator.comparingLong((Integer i) -> cells[i]).thenComparing(i -> i));
            if (!candidates.isEmpty()) {
                hidden.add(candidates.get(0));
            } else if (!totalHidden) {
                hidden.add(sum.total());
            } else {
                return changed; // everything non-zero of this sum is hidden already
            }
            changed = true;
        }
    }
}
