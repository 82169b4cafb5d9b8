package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Customers appended from another table (the join of a file's parts) keep their numbers and are found by every
 * later look-up, though they go in the hash slots only when one comes.
 */
class CustomerIdsTest {

    @Test
    void idsAppendedFromAnotherTableAreFoundByTheNextLookUps() {
        CustomerIds here = new CustomerIds(1);
        here.number("a");
        here.number("b");
        CustomerIds later = new CustomerIds(1);
        for (int c = 0; c < 5_000; c++) {
            later.number("later-" + c);
        }
        later.number("ünïcode");

        for (int c = 0; c < later.size(); c++) {
            assertThat(here.append(later, c)).isEqualTo(2 + c);
        }

        assertThat(here.size()).isEqualTo(5_003);
        assertThat(here.find("later-4321")).isEqualTo(2 + 4321);
        assertThat(here.find("ünïcode")).isEqualTo(5_002);
        assertThat(here.find("a")).isZero();
        assertThat(here.find("later-5000")).isEqualTo(-1);
        assertThat(number(here, "later-17")).isEqualTo(2 + 17);
        assertThat(here.number("ünïcode")).isEqualTo(5_002);
        assertThat(number(here, "new")).isEqualTo(5_003);
        assertThat(here.id(2 + 4999)).isEqualTo("later-4999");
    }

    @Test
    void aTableIndexedForTheJoinsLookUpsFindsWhatWasAppendedBefore() {
        CustomerIds here = new CustomerIds(1);
        CustomerIds first = new CustomerIds(1);
        first.number("x");
        first.number("y");
        here.append(first, 0);
        here.append(first, 1);
        CustomerIds second = new CustomerIds(1);
        second.number("y");
        second.number("z");

        here.index();

        assertThat(here.find(second, 0)).isEqualTo(1);
        assertThat(here.find(second, 1)).isEqualTo(-1);
    }

    @Test
    void theCustomerFoundLastIsFoundAgainWithoutMistakingAnotherForIt() {
        CustomerIds ids = new CustomerIds(1);

        assertThat(number(ids, "")).isZero();
        assertThat(number(ids, "")).isZero();
        assertThat(number(ids, "ab")).isEqualTo(1);
        assertThat(number(ids, "ab")).isEqualTo(1);
        assertThat(number(ids, "ba")).isEqualTo(2);
        assertThat(number(ids, "a")).isEqualTo(3);
        assertThat(number(ids, "ab")).isEqualTo(1);
        assertThat(number(ids, "")).isZero();
        assertThat(ids.size()).isEqualTo(4);
        assertThat(ids.id(0)).isEmpty();
        assertThat(ids.id(2)).isEqualTo("ba");
    }

    private static int number(CustomerIds ids, String ascii) {
        byte[] line = (" ," + ascii + ",").getBytes(StandardCharsets.US_ASCII);
        return ids.number(line, 2, 2 + ascii.length());
    }
}
