package org.alliancepulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A minimal JSON-over-HTTP client for the services' public APIs, with a bearer token, as any API user calls them. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response post(String url, String bearerToken, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response("POST " + url, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    record Response(String call, int status, String body) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(call + " answered " + status + " with no JSON: " + body, e);
            }
        }

        /** The response if it has the expected status, else an exception naming the call and the answer. */
        Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException(call + " answered HTTP " + status + " (expected " + expected + "): "
                        + body);
            }
            return this;
        }

        String field(String name) {
            JsonNode value = json().get(name);
            if (value == null || value.isNull()) {
                throw new IllegalStateException(call + " answered without \"" + name + "\": " + body);
            }
            return value.asText();
        }
    }
}
