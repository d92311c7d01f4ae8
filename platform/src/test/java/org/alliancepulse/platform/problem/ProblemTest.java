package org.alliancepulse.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ProblemTest {

    /** Outside probe: 60,000 unknown keys in a 0.77 MB body were answered with a 3.9 MB list. */
    @Test
    void aLongListOfViolationsIsAnsweredInAPage() {
        List<Problem.Violation> many = IntStream.range(0, 60_000)
                .mapToObj(i -> new Problem.Violation("answers.k" + i, "unknown")).toList();
        String detail = String.join("; ", many.stream().map(v -> v.field() + " " + v.message()).toList());

        Problem problem = new Problem("about:blank", "Invalid request", 400, detail, many);

        assertEquals(Problem.MAX_VIOLATIONS + 1, problem.violations().size());
        assertEquals(new Problem.Violation("...", "59950 more not listed"), problem.violations().get(50));
        assertEquals(many.subList(0, 50), problem.violations().subList(0, 50));
        assertTrue(problem.detail().length() < Problem.MAX_DETAIL + 20, problem.detail().length() + " characters");
    }

    @Test
    void aShortListStaysAsItIs() {
        List<Problem.Violation> few = List.of(new Problem.Violation("name", "is required"));
        assertEquals(few, new Problem("about:blank", "Invalid request", 400, "name: is required", few).violations());
        assertEquals(List.of(), Problem.of(404, "Not found", "no such client").violations());
    }
}
