package org.alliancepulse.testinfra.quarkus;

import java.util.Map;

import org.alliancepulse.testinfra.servers.MailServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server; the mailer really sends (no mock mailbox). Tests read it through {@link InjectMailServer}. */
public class MailResource implements QuarkusTestResourceLifecycleManager {

    private MailServer server;

    @Override
    public Map<String, String> start() {
        server = MailServer.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.smtpPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, MailServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
