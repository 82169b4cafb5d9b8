package org.crmkit.core.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.junit.jupiter.api.Test;

class DuplicateScanTest {

    private static MatchProfile person(int id, String name, String postcode, String email) {
        return new MatchProfile(
                new RecordRef(RecordType.CONTACT, new UUID(0, id)),
                Normalized.name(name),
                Set.of(postcode),
                email == null ? Set.of() : Set.of(email),
                Set.of(),
                null);
    }

    @Test
    void recordsTiedByAnyPairFormOneClusterWithTheKeysTheyMetUnder() {
        DuplicateScan scan = new DuplicateScan(DuplicateRules.standard());
        scan.add(person(1, "Ada King", "10115", "ada@example.com"));
        scan.add(person(2, "Ada Kinng", "10115", null));
        scan.add(person(3, "A. King", "80331", "ada@example.com"));
        scan.add(person(4, "Bob Smith", "10115", "bob@example.com"));
        scan.add(person(5, "Carla Diaz", "20095", null));
        scan.add(person(6, "Carla Dias", "20095", null));

        DuplicateScanResult result = scan.clusters();

        assertThat(result.recordsRead()).isEqualTo(6);
        assertThat(result.clusters()).hasSize(2);
        DuplicateCluster ada = result.clusters().get(0);
        assertThat(ada.records())
                .extracting(RecordRef::id)
                .containsExactly(new UUID(0, 1), new UUID(0, 2), new UUID(0, 3));
        assertThat(ada.pairs()).hasSize(2);
        assertThat(ada.pairs().get(0).blockingKeys()).contains("name-start:10115|ada");
        assertThat(ada.pairs().get(1).blockingKeys()).containsExactly("email:ada@example.com");
        assertThat(result.clusters().get(1).records())
                .extracting(RecordRef::id)
                .containsExactly(new UUID(0, 5), new UUID(0, 6));
    }

    @Test
    void recordsSharingNoBlockingKeyAreNeverCompared() {
        DuplicateScan scan = new DuplicateScan(DuplicateRules.standard());
        for (int i = 0; i < 1000; i++) {
            scan.add(person(i, "Person " + i, String.valueOf(10000 + i), "p" + i + "@example.com"));
        }

        DuplicateScanResult result = scan.clusters();

        assertThat(result.pairsCompared()).isZero();
        assertThat(result.clusters()).isEmpty();
    }

    @Test
    void aKeySharedByVeryManyRecordsComparesEachWithItsNeighboursOnly() {
        DuplicateScan scan = new DuplicateScan(DuplicateRules.standard());
        for (int i = 0; i < 500; i++) {
            scan.add(person(i, "Person " + i, String.valueOf(10000 + i), "info@example.com"));
        }

        DuplicateScanResult result = scan.clusters();

        assertThat(result.pairsCompared()).isLessThanOrEqualTo(500L * DuplicateScan.WINDOW);
        assertThat(result.clusters())
                .singleElement()
                .satisfies(c -> assertThat(c.records()).hasSize(500));
    }
}
