package org.alliancepulse.intake.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.alliancepulse.intake.client.Client;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** A body over the HTTP limit (1 MB, platform configuration) is a 413 problem, and nothing is stored. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class BodyTooLargeTest {

    @Test
    void aBodyOverTheLimitIsA413ProblemAndStoresNothing() {
        long before = Client.count();
        String name = "a".repeat(1_100_000);
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body("{\"clinicId\":\"north\",\"firstName\":\"" + name + "\",\"lastName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/api/clients").then().statusCode(413).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413))
                .body("detail", containsString("at most 1048576"))
                // written by the HTTP layer before any resource: the platform's headers cover it all the same
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        // whoever asks: the answer does not depend on the token (none here)
        given().contentType(ContentType.JSON).body("{\"x\":\"" + name + "\"}").post("/api/clinics").then()
                .statusCode(413).contentType("application/problem+json");
        assertEquals(before, Client.count());

        // just under the limit the request is read and judged as any other (here: a name too long)
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body("{\"clinicId\":\"north\",\"firstName\":\"" + "a".repeat(1000) + "\",\"lastName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/api/clients").then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Many clients send the whole body before they read the answer. The refusal is already out by then; the
     * connection lingers while the body arrives, so the client writes it without a reset and then reads the 413.
     */
    @Test
    void aClientThatSendsTheWholeBodyFirstStillReadsThe413() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            int length = 2_000_000;
            out.write(("POST /api/clients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server answers on the headers alone; the body follows later, as on a slow link. A pause, not a
            // signal: nothing tells a client that a server closed rather than lingers (reading the answer first
            // instead let an immediate close pass, as the body then raced the close; with the pause it is red)
            Thread.sleep(500);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent)); // a reset here: closed too early
            }
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("HTTP/1.1 413"), text);
            assertTrue(text.contains("at most 1048576"), text);
        }
    }

    /** The connection is closed after the 413, so the body the client never sends is not waited for. */
    @Test
    void theConnectionIsClosedAfterTheRefusalSoTheBodyIsNotTakenIn() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // a keep-alive HTTP/1.1 request announcing 2 MB, and not one byte of it yet
            out.write(("POST /api/clients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000000\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1;) { // -1: the server closed the connection
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                fail("the connection was left open after the 413: " + answer.toString(StandardCharsets.US_ASCII));
            }
            String text = answer.toString(StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("HTTP/1.1 413"), text);
            assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), text);
        }
    }
}
