package org.alliancepulse.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransienceTest {

    @ParameterizedTest(name = "SQLState {0}: transient {1}")
    @CsvSource({
            "08006, true",   // connection failure (database restarted)
            "08003, true",   // connection does not exist
            "53300, true",   // too many connections
            "57P01, true",   // admin shutdown
            "55P03, true",   // lock not available
            "40001, true",   // serialization failure
            "40P01, true",   // deadlock
            "42P01, false",  // undefined table: a missing table is no race
            "23505, false",  // unique violation
            "22P02, false"   // invalid text representation
    })
    void classifiesByState(String state, boolean transientFailure) {
        RuntimeException wrapped = new IllegalStateException("applying", new SQLException("x", state));
        assertEquals(transientFailure, Transience.isTransient(wrapped));
    }

    @Test
    void aFullPoolAndTransientExceptionTypesAreTransient() {
        assertEquals(true, Transience.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(true, Transience.isTransient(new RuntimeException(new SQLTransientConnectionException("gone"))));
        assertEquals(false, Transience.isTransient(new IllegalStateException("a bug")));
        // a handler that asks to be tried again later, however deep in the cause chain
        assertEquals(true, Transience.isTransient(new RuntimeException("handler", new RetryLater("rebuilding"))));
    }

    @Test
    void theLogSaysWhyInAHandlersOwnWordsAndOtherwiseByTypeAlone() {
        assertEquals("rebuilding", Transience.why(new RuntimeException("handler", new RetryLater("rebuilding"))));
        // a database's message may quote a row's values: never logged
        SQLException quoting = new SQLException("value 'Jane' too long", "22001");
        assertEquals("java.lang.IllegalStateException",
                Transience.why(new IllegalStateException("applying", quoting)));
    }
}
