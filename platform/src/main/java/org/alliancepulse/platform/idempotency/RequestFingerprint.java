package org.alliancepulse.platform.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What makes two requests "the same" for an idempotency key: SHA-256 of the HTTP method, the path and the method's
 * arguments as canonical JSON.
 *
 * <p>The arguments are taken as the resource method received them (the deserialised body, the path and query
 * parameters), not as raw bytes: a retry that re-encodes the same body with other white space or key order is the
 * same request, and a field the service ignores does not make it a different one. Canonical means object keys
 * sorted at every depth and decimals kept exact, so {@code 7.5} and {@code 7.6} never collide.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String httpMethod, String path, List<Object> arguments, ObjectMapper json) {
        try {
            Object tree = json.readerFor(Object.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(json.writeValueAsBytes(arguments));
            String canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((httpMethod + ' ' + path + '\n' + canonical).getBytes(UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("The request's arguments cannot be written as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
