package org.alliancepulse.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the whole system locally for a developer, without Docker: the {@link Stack}, a page showing the mail the SMTP
 * server received, and demo data entered through the real APIs. Prints where everything is and how to get a token,
 * then runs until Ctrl-C.
 *
 * <p>From the repository root: {@code stack/run-local.sh} (builds, then
 * {@code ./mvnw -q -pl stack exec:exec}). Work files (Keycloak, logs) go to {@code .stack/}.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Kafka and GreenMail log through slf4j to JBoss LogManager: it must own java.util.logging from the start
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        Path repoRoot = RepoRoot.find();
        String pinned = System.getProperty(Stack.WORK_DIR_PROPERTY);
        Path workDir = pinned == null || pinned.isBlank() ? repoRoot.resolve(".stack") : Path.of(pinned);
        boolean seed = !List.of(args).contains("--no-demo-data");

        Stack stack = Stack.unstarted(repoRoot, workDir);
        AtomicReference<MailPage> mailPage = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[stack] stopping Alliance Pulse ...");
            MailPage page = mailPage.get();
            if (page != null) {
                page.close();
            }
            stack.close();
            stopped.countDown();
        }, "alliance-pulse-stop"));

        try {
            stack.launch();
        } catch (RuntimeException e) {
            System.err.println("[stack] could not start: " + e.getMessage());
            System.exit(1);
        }
        mailPage.set(MailPage.start(stack.mail(), MailPage.PREFERRED_PORT));

        List<String> demo = List.of();
        String demoFailure = null;
        if (seed) {
            System.out.println("[stack] entering demo data through the APIs ...");
            try {
                demo = DemoData.seed(stack);
            } catch (RuntimeException e) {
                demoFailure = e.getMessage();
            }
        }
        System.out.println(summary(stack, mailPage.get(), demo, demoFailure));
        stopped.await();
    }

    private static String summary(Stack stack, MailPage mailPage, List<String> demo, String demoFailure) {
        KeycloakServer keycloak = stack.keycloak();
        StringBuilder out = new StringBuilder();
        String line = "=".repeat(100);
        out.append('\n').append(line).append("\n Alliance Pulse is running locally. Ctrl-C stops everything.\n")
                .append(line).append("\n\n Services (OpenAPI at /q/openapi, health at /q/health, metrics at /q/metrics):\n");
        for (Service service : Service.values()) {
            String url = stack.baseUrl(service);
            out.append(String.format("   %-28s %s%n   %-28s %s/q/openapi   %s/q/health%n", service.module(), url, "", url,
                    url));
        }
        String analytics = stack.baseUrl(Service.ANALYTICS);
        out.append("\n Pages (sign in at Keycloak as a demo user below; emails link to the alert page):\n");
        out.append(String.format("   %-28s %s/alerts%n", "My alerts (therapists)", analytics));
        out.append(String.format("   %-28s %s/alerts/{alert id}%n", "An alert", analytics));
        out.append(String.format("   %-28s %s/network%n", "Network (admins, staff)", analytics));
        out.append("\n Infrastructure:\n");
        out.append(String.format("   %-28s %s  (issuer %s)%n", "Keycloak " + KeycloakServer.version(),
                keycloak.baseUrl(), keycloak.issuerUrl()));
        out.append(String.format("   %-28s %s%n   %-28s user %s, password %s (this run only)%n",
                "Keycloak admin console", keycloak.adminConsoleUrl(), "", KeycloakServer.CONSOLE_USER,
                keycloak.consolePassword()));
        out.append(String.format("   %-28s %s  (SMTP on 127.0.0.1:%d)%n", "Mail received", mailPage.url(),
                stack.mail().smtpPort()));
        out.append(String.format("   %-28s %s%n", "Kafka bootstrap servers", stack.kafkaBootstrapServers()));
        out.append(String.format("   %-28s %s  (user %s)%n", "PostgreSQL",
                stack.postgres().jdbcUrl("{intake,session,analytics,notification}"), "postgres"));
        out.append(String.format("   %-28s %s%n", "Logs", stack.logDir()));

        out.append("\n Tokens (password grant, client ").append(KeycloakServer.CLI_CLIENT)
                .append("; every demo user's password is ").append(DemoUsers.PASSWORD).append("):\n");
        for (DemoUsers.User user : DemoUsers.ALL) {
            out.append(String.format("   # %s: %s%s%n", user.username(), user.role(),
                    user.clinicId() == null ? "" : " at clinic " + user.clinicId()));
            out.append("   TOKEN=$(").append(keycloak.curlForToken(user.username(), DemoUsers.PASSWORD)).append(")\n");
        }
        out.append("\n For example, as admin:\n   TOKEN=$(")
                .append(keycloak.curlForToken(DemoUsers.ADMIN, DemoUsers.PASSWORD)).append(")\n")
                .append("   curl -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
                .append("        -d '{\"id\":\"west\",\"name\":\"West Clinic\"}' ").append(stack.baseUrl(Service.INTAKE))
                .append("/api/clinics\n");

        if (demoFailure != null) {
            out.append("\n !! Demo data could not be entered (the stack still runs): ").append(demoFailure).append('\n');
        } else if (!demo.isEmpty()) {
            out.append("\n Demo data (entered through the APIs):\n");
            demo.forEach(d -> out.append("   - ").append(d).append('\n'));
        }
        return out.append(line).toString();
    }
}
