package org.alliancepulse.platform.inbox;

/**
 * A handler's way to say "not now, through no fault of this record" (say, while its service rebuilds the state the
 * handler writes): the inbox waits it out like a lost race, uncounted, and applies the record again, in order.
 */
public class RetryLater extends RuntimeException {

    public RetryLater(String why) {
        super(why);
    }
}
