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
     * @param headers every header line as received, in order (a header sent twice appears twice)
     */
    public record ReceivedMail(String from, List<String> to, String subject, String body, List<MailHeader> headers) {

        static ReceivedMail of(MimeMessage message) {
            try {
                List<MailHeader> headers = new ArrayList<>();
                for (Header header : Collections.list(message.getAllHeaders())) {
                    headers.add(new MailHeader(header.getName(), header.getValue()));
                }
                return new ReceivedMail(
                        Arrays.toString(message.getFrom()),
                        Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                        message.getSubject(),
                        GreenMailUtil.getBody(message),
                        List.copyOf(headers));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("Unreadable message", e);
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
