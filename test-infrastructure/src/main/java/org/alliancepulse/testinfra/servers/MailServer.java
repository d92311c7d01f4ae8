package org.alliancepulse.testinfra.servers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free port that keeps every message it accepts. */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailServer server = new MailServer(greenMail);
        System.out.printf("[infra] SMTP server (GreenMail) started on port %d%n", server.smtpPort());
        return server;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** How many messages arrived so far: cheap enough to poll in a tight loop. */
    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    public List<ReceivedMail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(ReceivedMail::of).toList();
    }

    /** The messages received after the first {@code skip}, in order: cheap to poll in a store that grows. */
    public List<ReceivedMail> receivedAfter(int skip) {
        var all = greenMail.getReceivedMessages();
        return Arrays.stream(all, Math.min(skip, all.length), all.length).map(ReceivedMail::of).toList();
    }

    public List<ReceivedMail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * One message as the recipient would read it.
     *
     * @param body the plain-text part (or the whole body of a single-part message), decoded
     * @param html the HTML part, decoded; null when there is none
     * @param headers every header line as received, in order (a header sent twice appears twice)
     */
    public record ReceivedMail(String from, List<String> to, String subject, String body, String html,
            List<MailHeader> headers) {

        static ReceivedMail of(MimeMessage message) {
            try {
                List<MailHeader> headers = new ArrayList<>();
                for (Header header : Collections.list(message.getAllHeaders())) {
                    headers.add(new MailHeader(header.getName(), header.getValue()));
                }
                String[] parts = { null, null };
                collect(message, parts);
                return new ReceivedMail(
                        Arrays.toString(message.getFrom()),
                        Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                        message.getSubject(),
                        parts[0] != null ? parts[0] : GreenMailUtil.getBody(message),
                        parts[1],
                        List.copyOf(headers));
            } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                throw new IllegalStateException("Unreadable message", e);
            }
        }

        /** The first text/plain and text/html parts, decoded, into {@code parts[0]} and {@code parts[1]}. */
        private static void collect(jakarta.mail.Part part, String[] parts)
                throws jakarta.mail.MessagingException, java.io.IOException {
            if (part.isMimeType("text/plain") && parts[0] == null) {
                parts[0] = part.getContent().toString();
            } else if (part.isMimeType("text/html") && parts[1] == null) {
                parts[1] = part.getContent().toString();
            } else if (part.isMimeType("multipart/*")) {
                jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), parts);
                }
            }
        }

        /** The values of a header (names compare case-insensitively), in the order received. */
        public List<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).toList();
        }
    }

    /** One header line of a received message. */
    public record MailHeader(String name, String value) {
    }
}
