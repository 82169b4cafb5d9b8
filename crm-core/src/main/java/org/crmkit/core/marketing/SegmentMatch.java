package org.crmkit.core.marketing;

/** How the criteria of a {@link SegmentRule} combine: every one must hold, or at least one. */
public enum SegmentMatch {
    ALL,
    ANY
}
