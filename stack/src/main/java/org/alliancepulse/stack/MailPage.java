package org.alliancepulse.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.alliancepulse.testinfra.servers.MailServer;
import org.alliancepulse.testinfra.servers.MailServer.MailHeader;
import org.alliancepulse.testinfra.servers.MailServer.ReceivedMail;

/**
 * A tiny web page listing what the local SMTP server received ({@code /}), and the same as JSON
 * ({@code /api/messages}): how a developer sees the alert emails the therapists would get, headers included — the
 * Message-ID names the alert, so a resent email shows up as the same one.
 */
final class MailPage implements AutoCloseable {

    static final int PREFERRED_PORT = 8025;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The headers shown above each message; all of them are listed below it. */
    private static final List<String> MAIN_HEADERS = List.of("Message-ID", "Date", "From", "To", "Subject");

    private final HttpServer server;

    private MailPage(HttpServer server) {
        this.server = server;
    }

    /** Serves on 127.0.0.1 at the preferred port if it is free, else on any free port. */
    static MailPage start(MailServer mail, int preferredPort) {
        HttpServer server;
        try {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferredPort), 0);
            } catch (BindException taken) {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the mail page", e);
        }
        server.createContext("/api/messages", exchange -> respond(exchange, "application/json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(messages(mail))));
        server.createContext("/", exchange -> {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "text/plain", "not found");
            } else {
                respond(exchange, "text/html; charset=utf-8", html(mail.received(), mail.smtpPort()));
            }
        });
        server.start();
        return new MailPage(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static List<Map<String, Object>> messages(MailServer mail) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReceivedMail m : mail.received()) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("messageId", first(m, "Message-ID"));
            message.put("date", first(m, "Date"));
            message.put("from", m.from());
            message.put("to", m.to());
            message.put("subject", nonNull(m.subject()));
            message.put("headers", m.headers().stream().map(h -> Map.of("name", h.name(), "value", h.value())).toList());
            message.put("body", nonNull(m.body()));
            message.put("html", nonNull(m.html()));
            list.add(message);
        }
        return list;
    }

    private static String first(ReceivedMail mail, String header) {
        return mail.header(header).stream().findFirst().orElse("");
    }

    private static String html(List<ReceivedMail> mails, int smtpPort) {
        StringBuilder page = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Alliance Pulse - local mail</title>
                <style>body{font-family:sans-serif;margin:2em}article{border:1px solid #ccc;border-radius:6px;
                padding:1em;margin:1em 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
                .meta{color:#555}table.headers{font-size:.85em;border-collapse:collapse}
                table.headers th{text-align:left;padding-right:1em;vertical-align:top;white-space:nowrap}</style></head><body>
                """);
        page.append("<h1>Mail received by the local SMTP server</h1><p class=meta>SMTP 127.0.0.1:").append(smtpPort)
                .append(" &middot; ").append(mails.size()).append(" message(s) &middot; newest first &middot; refreshes every 5 s"
                        + " &middot; <a href=\"/api/messages\">JSON</a></p>");
        for (int i = mails.size() - 1; i >= 0; i--) {
            ReceivedMail m = mails.get(i);
            page.append("<article><h2>").append(escape(nonNull(m.subject()))).append("</h2><table class=headers>");
            for (String name : MAIN_HEADERS) {
                for (String value : m.header(name)) {
                    page.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
                }
            }
            page.append("</table><pre>").append(escape(nonNull(m.body()))).append("</pre><details><summary class=meta>")
                    .append("All ").append(m.headers().size()).append(" headers</summary><table class=headers>");
            for (MailHeader h : m.headers()) {
                page.append("<tr><th>").append(escape(h.name())).append("</th><td>").append(escape(h.value()))
                        .append("</td></tr>");
            }
            page.append("</table></details></article>");
        }
        return page.append("</body></html>").toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        respond(exchange, 200, contentType, body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1); // no body, as HEAD asks (a length here is logged as a WARN)
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
