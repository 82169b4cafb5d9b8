package org.crmkit.core.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.junit.jupiter.api.Test;

class DuplicateRulesTest {

    private static MatchProfile person(int id, String name, String postcode, String email, String phone) {
        return new MatchProfile(
                new RecordRef(RecordType.CONTACT, new UUID(0, id)),
                Normalized.name(name),
                postcode == null ? Set.of() : Set.of(postcode),
                email == null ? Set.of() : Set.of(email),
                phone == null ? Set.of() : Set.of(phone),
                null);
    }

    @Test
    void aCandidateNamesTheRulesThatMatchedAndScoresTheirWeightsUpTo100() {
        DuplicateRules rules = DuplicateRules.standard();
        MatchProfile ada = person(1, "Ada King", "10115", "ada@example.com", "+4930123456");

        DuplicateCandidate sameEmailTypo = rules.compare(ada, person(2, "Ada Kinng", "10115", "ada@example.com", null))
                .orElseThrow();
        DuplicateCandidate samePhoneOnly = rules.compare(ada, person(3, "Bob Smith", "80331", null, "+4930123456"))
                .orElseThrow();

        assertThat(sameEmailTypo.matches())
                .extracting(RuleMatch::kind)
                .containsExactly(MatchKind.EMAIL, MatchKind.SIMILAR_NAME);
        assertThat(sameEmailTypo.score()).isEqualTo(100);
        assertThat(sameEmailTypo.matches().get(1).value()).startsWith("ada king ~ ada kinng (");
        assertThat(samePhoneOnly.score()).isEqualTo(50);
        assertThat(samePhoneOnly.matches())
                .singleElement()
                .extracting(RuleMatch::value)
                .isEqualTo("+4930123456");
    }

    @Test
    void similarNamesCountOnlyAtACommonPostcodeAndAboveTheMinimumSimilarity() {
        DuplicateRules rules = DuplicateRules.standard();
        MatchProfile ada = person(1, "Ada King", "10115", null, null);

        assertThat(rules.compare(ada, person(2, "Ada Kinng", "80331", null, null)))
                .isEmpty();
        assertThat(rules.compare(ada, person(3, "Bert Jones", "10115", null, null)))
                .isEmpty();
        assertThat(rules.compare(ada, person(4, "Ada Kinng", "10115", null, null)))
                .map(DuplicateCandidate::score)
                .contains(50);
        assertThat(rules.compare(ada, person(5, "Ada King", "10115", null, null)))
                .map(DuplicateCandidate::score)
                .contains(100);
    }

    @Test
    void candidatesComeHighestScoreFirstWithoutTheProbeItself() {
        DuplicateRules rules = DuplicateRules.standard();
        MatchProfile ada = person(1, "Ada King", "10115", "ada@example.com", "+4930123456");

        List<DuplicateCandidate> candidates = rules.candidates(
                ada,
                List.of(
                        ada,
                        person(2, "Bob Smith", "80331", null, "+4930123456"),
                        person(3, "Ada King", "10115", "ada@example.com", null),
                        person(4, "Carl Brown", "80331", null, null)));

        assertThat(candidates).extracting(c -> c.record().id()).containsExactly(new UUID(0, 3), new UUID(0, 2));
    }

    @Test
    void refusingFromAScoreRefusesOnlyCandidatesReachingIt() {
        DuplicateRules rules = DuplicateRules.standard().refusingFrom(90);
        MatchProfile ada = person(1, "Ada King", "10115", "ada@example.com", "+4930123456");
        List<DuplicateCandidate> candidates = rules.candidates(
                ada,
                List.of(
                        person(2, "Bob Smith", "80331", null, "+4930123456"),
                        person(3, "Ada King", "10115", "ada@example.com", null)));

        assertThat(rules.policy()).isEqualTo(DuplicatePolicy.REFUSE);
        assertThat(rules.refused(candidates)).extracting(c -> c.record().id()).containsExactly(new UUID(0, 3));
        assertThat(DuplicateRules.standard().refused(candidates)).isEmpty();
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> MatchRule.exactEmail(0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> MatchRule.similarName(30, 1.5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("minSimilarity");
        assertThatThrownBy(() -> new DuplicateRules(List.of(), DuplicatePolicy.WARN, 60, 50))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("refuseFrom");
    }
}
