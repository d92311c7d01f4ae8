package org.alliancepulse.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A mail server that has hung: a real socket on 127.0.0.1 that accepts connections and never says a word (not even
 * the SMTP greeting). The named mailer {@value #MAILER} points at it.
 */
public final class UnansweringSmtpServer implements AutoCloseable {

    /** The Quarkus named mailer ({@code @MailerName}) configured to talk to this server. */
    public static final String MAILER = "unanswering";

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private UnansweringSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "unanswering-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static UnansweringSmtpServer start() {
        try {
            UnansweringSmtpServer server = new UnansweringSmtpServer();
            System.out.printf("[infra] unanswering SMTP server started on port %d%n", server.port());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                accepted.add(socket.accept()); // and then silence
            } catch (IOException closed) {
                return;
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server with the application and configures the named mailer to use it. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private UnansweringSmtpServer server;

        @Override
        public Map<String, String> start() {
            server = UnansweringSmtpServer.start();
            String prefix = "quarkus.mailer." + MAILER + ".";
            return Map.of(
                    prefix + "mock", "false",
                    prefix + "host", "127.0.0.1",
                    prefix + "port", String.valueOf(server.port()),
                    prefix + "from", "Alliance Pulse <alerts@alliancepulse.example>",
                    prefix + "tls", "false",
                    prefix + "start-tls", "DISABLED");
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(server, new TestInjector.MatchesType(UnansweringSmtpServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
