package org.crmkit.core.duplicate;

/** What a duplicate-matching rule compares between two contacts or two accounts (see {@link MatchRule}). */
public enum MatchKind {
    /** An email address in common, compared in normal form (lower case). */
    EMAIL,
    /** A phone number in common, compared in E.164 form. */
    PHONE,
    /** The same VAT or tax id, ignoring case, spaces and punctuation (accounts only). */
    TAX_ID,
    /** The same name in normal form ({@link Normalized}) and a postal code in common. */
    NAME_AND_POSTCODE,
    /**
     * Names alike by Jaro-Winkler similarity (Apache Commons Text) of their normal forms, at least the rule's
     * {@code minSimilarity}, and a postal code in common.
     */
    SIMILAR_NAME
}
