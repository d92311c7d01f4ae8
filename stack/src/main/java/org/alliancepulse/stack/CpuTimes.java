package org.alliancepulse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU seconds (user + system, from {@code /proc/<pid>/stat}) that processes have used so far: two readings around a
 * phase of a benchmark say who used the machine during it — the service, PostgreSQL, the launcher (Kafka and the
 * benchmark itself). Linux only; elsewhere every reading is 0.
 */
public final class CpuTimes {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times: 100 on Linux (USER_HZ). */
    private static final double TICKS = 100.0;

    private CpuTimes() {
    }

    /** CPU seconds per group: the given service process, every PostgreSQL process, and this launcher's JVM. */
    public static Map<String, Double> read(ServiceProcess service) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(service.service().module(), of(p -> p.pid() == service.pid()));
        seconds.put("PostgreSQL", of(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)));
        seconds.put("launcher (Kafka, the benchmark)", of(p -> p.pid() == ProcessHandle.current().pid()));
        seconds.put("whole machine", machine());
        return seconds;
    }

    /** What each group used between two readings, as "name 12.3 s (0.45 cores)". */
    public static String between(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        StringBuilder out = new StringBuilder();
        after.forEach((name, seconds) -> {
            double used = seconds - before.getOrDefault(name, 0.0);
            out.append(String.format("    %-34s %7.1f s CPU  (%.2f cores)%n", name, used, used / wallSeconds));
        });
        return out.toString();
    }

    private static double of(Predicate<ProcessHandle> which) {
        return ProcessHandle.allProcesses().filter(which).mapToDouble(CpuTimes::seconds).sum();
    }

    private static double seconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile, or not Linux
        }
    }

    /** Busy CPU seconds of the whole machine (all cores), from {@code /proc/stat}. */
    private static double machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
