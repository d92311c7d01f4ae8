package org.alliancepulse.analytics.rules;

/** Bordin's three pillars of the working alliance. */
public enum Pillar {
    BOND, GOALS, TASKS
}
