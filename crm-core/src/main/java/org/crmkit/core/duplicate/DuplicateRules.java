package org.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * A tenant's duplicate rules as data: the matching rules with their weights, the policy, the score from which a
 * record is a candidate ({@code candidateFrom}) and, under {@link DuplicatePolicy#REFUSE}, the score from which it
 * is refused ({@code refuseFrom}, at least {@code candidateFrom}). A candidate's score is the sum of the weights of
 * the rules that matched, at most 100. Immutable and thread-safe.
 */
public record DuplicateRules(List<MatchRule> rules, DuplicatePolicy policy, int candidateFrom, int refuseFrom) {

    public DuplicateRules {
        rules = Require.noNulls(rules, "rules");
        Require.notNull(policy, "policy");
        Require.that(
                candidateFrom >= 1 && candidateFrom <= 100,
                "candidateFrom",
                "must be between 1 and 100, was " + candidateFrom);
        Require.that(
                refuseFrom >= candidateFrom && refuseFrom <= 100,
                "refuseFrom",
                "must be between candidateFrom (" + candidateFrom + ") and 100, was " + refuseFrom);
    }

    /**
     * The rules crmkit starts with, under {@link DuplicatePolicy#WARN}: an email in common 60, a phone 50, the tax
     * id 80, the same name and a postal code 60, a similar name (Jaro-Winkler at least 0.95) and a postal code 50;
     * a candidate from 50, refused (under REFUSE) from 100.
     */
    public static DuplicateRules standard() {
        return new DuplicateRules(
                List.of(
                        MatchRule.exactEmail(60),
                        MatchRule.phone(50),
                        MatchRule.taxId(80),
                        MatchRule.nameAndPostcode(60),
                        MatchRule.similarName(50, 0.95)),
                DuplicatePolicy.WARN,
                50,
                100);
    }

    /** These rules under another policy. */
    public DuplicateRules withPolicy(DuplicatePolicy newPolicy) {
        return new DuplicateRules(rules, newPolicy, candidateFrom, refuseFrom);
    }

    /** These rules refusing a record from the score on ({@link DuplicatePolicy#REFUSE}). */
    public DuplicateRules refusingFrom(int score) {
        return new DuplicateRules(rules, DuplicatePolicy.REFUSE, Math.min(candidateFrom, score), score);
    }

    /** Whether a rule of the kind is among these rules. */
    public boolean uses(MatchKind kind) {
        return rules.stream().anyMatch(rule -> rule.kind() == kind);
    }

    /** {@code other} as a candidate duplicate of {@code probe} when it scores at least {@code candidateFrom}. */
    public Optional<DuplicateCandidate> compare(MatchProfile probe, MatchProfile other) {
        List<RuleMatch> matches = new ArrayList<>();
        int score = 0;
        for (MatchRule rule : rules) {
            Optional<RuleMatch> match = rule.match(probe, other);
            if (match.isPresent()) {
                matches.add(match.get());
                score += rule.weight();
            }
        }
        return score >= candidateFrom
                ? Optional.of(new DuplicateCandidate(other.record(), Math.min(score, 100), matches))
                : Optional.empty();
    }

    /**
     * The candidates among {@code others} for {@code probe} (the probe's own record left out), highest score first,
     * then by record id.
     */
    public List<DuplicateCandidate> candidates(MatchProfile probe, Collection<MatchProfile> others) {
        return others.stream()
                .filter(other -> other.record() != null && !other.record().equals(probe.record()))
                .map(other -> compare(probe, other))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DuplicateCandidate::score)
                        .reversed()
                        .thenComparing(candidate -> candidate.record().id()))
                .toList();
    }

    /** The candidates {@link DuplicatePolicy#REFUSE} refuses: those scoring at least {@code refuseFrom}. */
    public List<DuplicateCandidate> refused(List<DuplicateCandidate> candidates) {
        return policy == DuplicatePolicy.REFUSE
                ? candidates.stream().filter(c -> c.score() >= refuseFrom).toList()
                : List.of();
    }
}
