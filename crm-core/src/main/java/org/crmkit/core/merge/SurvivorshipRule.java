package org.crmkit.core.merge;

/** How a field of the merged record gets its value from the records being merged. */
public enum SurvivorshipRule {
    /** The survivor's value, even when it has none. */
    SURVIVOR_WINS,
    /**
     * The value of the most recently registered record that has one (by registration time; ties go to the
     * survivor, then to the order the merged records were given in).
     */
    MOST_RECENT,
    /**
     * The most complete value: one that is present over none, and among present ones the one with the most content
     * (the longest text, the name with the most parts); ties go to the survivor, then to the order given.
     */
    MOST_COMPLETE
}
