package org.alliancepulse.intake.client;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How the clinic's records spell and compare a person's name. The same name reaches us in different code points: an
 * "é" typed as one letter or as "e" plus an accent (a phone's keyboard, a pasted document), a name typed on a
 * Japanese or Chinese keyboard in full-width letters ("Ｂｅｒｇ"). Stored canonically composed, the first two are one
 * text; compared by compatibility form, the full-width one is the same person too, so it is not registered twice.
 */
final class PersonNames {

    private PersonNames() {
    }

    /** As stored and shown: trimmed and canonically composed (NFC), which changes no letter a reader sees. */
    static String stored(String typed) {
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
    }

    /**
     * As two names are compared: compatibility forms folded (NFKC: full-width letters, ligatures), runs of spaces as
     * one, lower case. Not accents: "Muller" and "Müller" may be two people.
     */
    static String key(String name) {
        return searchable(Normalizer.normalize(name, Normalizer.Form.NFKC)).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Without the joiners some scripts need inside a word (U+200C, U+200D; every other invisible character is
     * refused at the door, {@code @Legible}): invisible, they are not what tells two names apart, nor what a search
     * for a name must type (outside probe: "Condi" + U+200D + "tion" was a second "Condition", unfound by a search).
     */
    static String searchable(String name) {
        return name.replace(ZWNJ, "").replace(ZWJ, "");
    }

    /** The zero-width non-joiner and joiner, as {@link #searchable} leaves them out (a search does the same in SQL). */
    static final String ZWNJ = "\u200C";
    static final String ZWJ = "\u200D";
}
