package org.alliancepulse.intake.client;

import java.security.SecureRandom;

/**
 * Pseudonymous client codes like {@code C-7KQ3MZ}: random, so nothing about the person can be read from them,
 * short enough to say on the phone. Ambiguous characters are left out. 31^6 ≈ 887 million codes.
 */
public final class ClientCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("C-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
