package org.alliancepulse.session.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Link tokens: 256 random bits from a {@link SecureRandom}, URL-safe; only their SHA-256 is stored, so the table
 * alone opens no link. A hash (not a slow password hash) is enough: the token is random and long, not guessable.
 */
public final class LinkTokens {

    /** Bytes of randomness in a token: 256 bits, twice the 128 required. */
    public static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: lower-case hex SHA-256. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
