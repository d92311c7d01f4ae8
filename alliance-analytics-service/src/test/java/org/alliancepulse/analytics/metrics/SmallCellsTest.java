package org.alliancepulse.analytics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression: the table cases a reader can check by hand, then a property test that attacks random
 * tables the way a curious reader would, by interval reasoning over every sum, and fails if any suppressed cell can
 * be pinned to one value, or shown to be a small count, or if a small count is shown.
 */
class SmallCellsTest {

    private static final int T = 10;

    @Test
    void aSmallCountIsHiddenWithASiblingSoTheTotalDoesNotGiveItAway() {
        // network 45 = clinics 5 + 20 + 20: hiding the 5 alone would leave it as 45 - 40
        long[] cells = { 45, 5, 20, 20 };
        Set<Integer> hidden = SmallCells.suppress(cells, List.of(new SmallCells.Sum(0, List.of(1, 2, 3))), T);
        assertEquals(Set.of(1, 2), hidden);
    }

    @Test
    void zerosAndLargeCountsAreShownAndNothingMoreIsHidden() {
        long[] cells = { 70, 0, 30, 40 };
        assertEquals(Set.of(), SmallCells.suppress(cells, List.of(new SmallCells.Sum(0, List.of(1, 2, 3))), T));
    }

    @Test
    void twoSmallSiblingsThatTogetherStaySmallNeedAThird() {
        // 3 and 4 hidden: their sum 7 is known from the total, so each is at most 6, a small count: hide the 25 too
        long[] cells = { 62, 3, 4, 25, 30 };
        assertEquals(Set.of(1, 2, 3), SmallCells.suppress(cells,
                List.of(new SmallCells.Sum(0, List.of(1, 2, 3, 4))), T));
    }

    @Test
    void aSmallTotalHidesItsNonZeroParts() {
        long[] cells = { 7, 7, 0 };
        assertEquals(Set.of(0, 1), SmallCells.suppress(cells, List.of(new SmallCells.Sum(0, List.of(1, 2))), T));
    }

    @Test
    void anOnlyPartLeftHidesTheTotal() {
        // one clinic with 4 and the rest zeros: the part equals the total, both are hidden
        long[] cells = { 4, 4, 0, 0 };
        assertEquals(Set.of(0, 1), SmallCells.suppress(cells, List.of(new SmallCells.Sum(0, List.of(1, 2, 3))), T));
        long[] notSmall = { 30, 30, 0 };
        assertEquals(Set.of(), SmallCells.suppress(notSmall, List.of(new SmallCells.Sum(0, List.of(1, 2))), T));
    }

    @Test
    void aHiddenCellIsProtectedInEverySumItBelongsTo() {
        // rows: network and two clinics; columns: alerts = rupture + dropout (a 3 x 3 table with its margins)
        // index = row * 3 + column; column 0 the row's total
        long[] cells = { 60, 25, 35, 30, 3, 27, 30, 22, 8 };
        List<SmallCells.Sum> sums = tableSums(3, 3);
        Set<Integer> hidden = SmallCells.suppress(cells, sums, T);
        assertTrue(hidden.contains(4) && hidden.contains(8));
        assertSafe(cells, sums, hidden, T);
    }

    @Test
    void aScopeBrokenDownTwiceByUnitsAndByMonthsProtectsEachBreakdown() {
        // the scope's 40 = clinics 20 + 20 = months 35 + 5: the small month is hidden with the other month
        long[] cells = { 40, 20, 20, 35, 5 };
        List<SmallCells.Sum> sums = List.of(new SmallCells.Sum(0, List.of(1, 2)), new SmallCells.Sum(0, List.of(3, 4)));
        Set<Integer> hidden = SmallCells.suppress(cells, sums, T);
        assertEquals(Set.of(3, 4), hidden);
        assertSafe(cells, sums, hidden, T);
    }

    @Test
    void randomTablesLeakNoSmallCountUnderIntervalAttack() {
        Random random = new Random(20261127);
        for (int round = 0; round < 3000; round++) {
            int rows = 2 + random.nextInt(7);
            int columns = 2 + random.nextInt(4);
            int threshold = 1 + random.nextInt(12);
            long[] cells = new long[rows * columns];
            // the units' cells (rows 1.., columns 1..), often small, sometimes zero; margins are their sums
            for (int r = 1; r < rows; r++) {
                for (int c = 1; c < columns; c++) {
                    int kind = random.nextInt(4);
                    cells[r * columns + c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(threshold)
                            : random.nextInt(4 * threshold + 5);
                }
            }
            for (int r = 1; r < rows; r++) {
                for (int c = 1; c < columns; c++) {
                    cells[r * columns] += cells[r * columns + c];
                    cells[c] += cells[r * columns + c];
                    cells[0] += cells[r * columns + c];
                }
            }
            List<SmallCells.Sum> sums = tableSums(rows, columns);
            assertSafe(cells, sums, SmallCells.suppress(cells, sums, threshold), threshold);
        }
    }

    /** Each row's total (column 0) is the sum of its cells; row 0 is the sum of the other rows, column by column. */
    private static List<SmallCells.Sum> tableSums(int rows, int columns) {
        List<SmallCells.Sum> sums = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Integer> parts = new ArrayList<>();
            for (int c = 1; c < columns; c++) {
                parts.add(r * columns + c);
            }
            sums.add(new SmallCells.Sum(r * columns, parts));
        }
        for (int c = 0; c < columns; c++) {
            List<Integer> parts = new ArrayList<>();
            for (int r = 1; r < rows; r++) {
                parts.add(r * columns + c);
            }
            sums.add(new SmallCells.Sum(c, parts));
        }
        return sums;
    }

    /**
     * The attacker: knows every shown cell, every sum, that counts are whole and not negative, and that a
     * suppressed cell is at least 1 (zeros are shown); narrows each suppressed cell's interval over all sums until
     * nothing changes. Safe when no small count is shown, and every suppressed cell that is a small count keeps an
     * interval that is not a single value and reaches above the threshold.
     */
    private static void assertSafe(long[] cells, List<SmallCells.Sum> sums, Set<Integer> hidden, int threshold) {
        for (int i = 0; i < cells.length; i++) {
            assertFalse(!hidden.contains(i) && cells[i] >= 1 && cells[i] <= threshold, "small count shown");
        }
        long[] low = new long[cells.length];
        long[] high = new long[cells.length];
        long unknown = 1_000_000_000L; // nothing bounds a suppressed cell from above but the sums
        for (int i = 0; i < cells.length; i++) {
            low[i] = hidden.contains(i) ? 1 : cells[i];
            high[i] = hidden.contains(i) ? unknown : cells[i];
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SmallCells.Sum sum : sums) {
                // total = sum of parts: each member's bounds from the others'
                long partsLow = 0;
                long partsHigh = 0;
                for (int p : sum.parts()) {
                    partsLow += low[p];
                    partsHigh += high[p];
                }
                int t = sum.total();
                if (Math.max(low[t], partsLow) > low[t] || Math.min(high[t], partsHigh) < high[t]) {
                    low[t] = Math.max(low[t], partsLow);
                    high[t] = Math.min(high[t], partsHigh);
                    changed = true;
                }
                for (int p : sum.parts()) {
                    long lo = Math.max(low[p], low[t] - (partsHigh - high[p]));
                    long hi = Math.min(high[p], high[t] - (partsLow - low[p]));
                    if (lo > low[p] || hi < high[p]) {
                        low[p] = lo;
                        high[p] = hi;
                        changed = true;
                    }
                }
            }
        }
        for (int i : hidden) {
            assertTrue(low[i] <= cells[i] && cells[i] <= high[i], "the attack is sound");
            if (cells[i] <= threshold) {
                assertTrue(high[i] > low[i], "cell " + i + " = " + cells[i] + " recovered exactly");
                assertTrue(high[i] > threshold, "cell " + i + " = " + cells[i] + " shown to be at most " + high[i]);
            }
        }
    }
}
