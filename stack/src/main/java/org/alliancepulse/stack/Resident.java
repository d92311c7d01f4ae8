package org.alliancepulse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Resident memory of the local stack's processes, from {@code /proc}: each service's VmRSS (what its goal is stated
 * in) and, for the whole stack, proportional set sizes (PSS: PostgreSQL's backends share their buffers, which RSS
 * would count once per backend). Linux only; elsewhere 0.
 */
public final class Resident {

    private Resident() {
    }

    /** VmRSS of one process, in MB. */
    public static long rssMb(long pid) {
        return field(Path.of("/proc/" + pid + "/status"), "VmRSS:") / 1024;
    }

    /** The whole stack's memory in words: the four services, PostgreSQL, Keycloak, the launcher (Kafka, SMTP). */
    public static String wholeStack(Stack stack) {
        long services = 0;
        for (Service service : Service.values()) {
            ServiceProcess process = stack.service(service);
            if (process != null && process.isAlive()) {
                services += pssKb(p -> p.pid() == process.pid());
            }
        }
        long postgres = pssKb(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        long keycloak = pssKb(p -> p.info().commandLine().map(c -> c.contains("keycloak")).orElse(false)
                && p.info().command().map(c -> c.endsWith("/java")).orElse(false));
        long launcher = pssKb(p -> p.pid() == ProcessHandle.current().pid());
        return String.format("services %d MB, PostgreSQL %d MB, Keycloak %d MB, launcher (Kafka, SMTP, the benchmark) "
                + "%d MB: %d MB (PSS)", services / 1024, postgres / 1024, keycloak / 1024, launcher / 1024,
                (services + postgres + keycloak + launcher) / 1024);
    }

    private static long pssKb(Predicate<ProcessHandle> which) {
        return ProcessHandle.allProcesses().filter(which)
                .mapToLong(p -> field(Path.of("/proc/" + p.pid() + "/smaps_rollup"), "Pss:")).sum();
    }

    private static long field(Path file, String name) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile, or not Linux
        }
    }
}
