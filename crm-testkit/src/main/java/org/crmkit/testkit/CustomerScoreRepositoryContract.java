package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.spi.CustomerScoreRepository;
import org.junit.jupiter.api.Test;

/** What every {@link CustomerScoreRepository} must do. */
public abstract class CustomerScoreRepositoryContract extends StorageContract {

    private static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);

    private CustomerScoreRepository scores() {
        return storage.customerScores();
    }

    private void save(TenantId tenant, CustomerScore score) {
        storage.transactions().inTransaction(() -> {
            scores().save(tenant, score);
            return null;
        });
    }

    private RecordRef anAccount() {
        return new RecordRef(RecordType.ACCOUNT, ids.next());
    }

    private RecordRef aContact() {
        return new RecordRef(RecordType.CONTACT, ids.next());
    }

    private static CustomerScore predicted(RecordRef customer, CustomerTier tier, String segment) {
        return new CustomerScore(
                customer,
                AS_OF,
                tier,
                Money.of("1234.56", "EUR"),
                segment,
                new CustomerScore.Prediction(Money.of("987.654321", "EUR"), 0.8125, Money.of("231.48", "EUR")));
    }

    @Test
    void roundTripKeepsEveryFieldWithAndWithoutAPrediction() {
        CustomerScore withPrediction = predicted(anAccount(), CustomerTier.KEY, "champions");
        CustomerScore withoutPrediction =
                new CustomerScore(aContact(), AS_OF, CustomerTier.UNPROFITABLE, Money.of("-12.5", "PLN"), "lost", null);

        save(TENANT_A, withPrediction);
        save(TENANT_A, withoutPrediction);

        assertThat(scores().find(TENANT_A, withPrediction.customer())).contains(withPrediction);
        assertThat(scores().find(TENANT_A, withoutPrediction.customer())).contains(withoutPrediction);
        CustomerScore found = scores().find(TENANT_A, withPrediction.customer()).orElseThrow();
        assertThat(found.prediction().probabilityAlive()).isEqualTo(0.8125);
        assertThat(found.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(scores().find(TENANT_A, withoutPrediction.customer())
                        .orElseThrow()
                        .predicted())
                .isEmpty();
    }

    @Test
    void scoresAmongCustomersAreThoseTheyHaveOfTheirTypeAndTenant() {
        CustomerScore account = predicted(anAccount(), CustomerTier.KEY, "champions");
        CustomerScore contact = predicted(aContact(), CustomerTier.SMALL, "at risk");
        CustomerScore otherTenants = predicted(aContact(), CustomerTier.SMALL, "at risk");
        save(TENANT_A, account);
        save(TENANT_A, contact);
        save(TENANT_B, otherTenants);
        RecordRef sameIdAsAContact =
                new RecordRef(RecordType.ACCOUNT, contact.customer().id());

        assertThat(scores().findAmong(
                                TENANT_A,
                                List.of(
                                        contact.customer(),
                                        account.customer(),
                                        contact.customer(),
                                        aContact(),
                                        sameIdAsAContact,
                                        otherTenants.customer())))
                .containsExactlyInAnyOrder(account, contact);
        assertThat(scores().findAmong(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void aNewerScoreReplacesTheCustomersEarlierOne() {
        RecordRef account = anAccount();
        save(TENANT_A, predicted(account, CustomerTier.SMALL, "promising"));
        CustomerScore newer = new CustomerScore(
                account, AS_OF.plusMonths(1), CustomerTier.KEY, Money.of("5000", "EUR"), "champions", null);

        save(TENANT_A, newer);

        assertThat(scores().find(TENANT_A, account)).contains(newer);
        assertThat(scores().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
    }

    @Test
    void pagesGoAccountsFirstThenContactsEachByIdWithTheTotal() {
        List<CustomerScore> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            saved.add(predicted(aContact(), CustomerTier.SMALL, "loyal"));
            saved.add(predicted(anAccount(), CustomerTier.KEY, "champions"));
        }
        saved.forEach(score -> save(TENANT_A, score));
        List<RecordRef> expected = saved.stream()
                .map(CustomerScore::customer)
                .sorted((x, y) ->
                        x.type() != y.type() ? x.type() == RecordType.ACCOUNT ? -1 : 1 : x.id().compareTo(y.id()))
                .toList();

        var first = scores().findAll(TENANT_A, PageRequest.first(4));
        var second = scores().findAll(TENANT_A, PageRequest.of(1, 4));

        assertThat(first.totalElements()).isEqualTo(6);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        List<RecordRef> read = new ArrayList<>();
        first.items().forEach(score -> read.add(score.customer()));
        second.items().forEach(score -> read.add(score.customer()));
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void anotherTenantNeitherSeesNorRemovesTheScore() {
        CustomerScore score = predicted(anAccount(), CustomerTier.KEY, "champions");
        save(TENANT_A, score);

        assertThat(scores().find(TENANT_B, score.customer())).isEmpty();
        assertThat(scores().findAll(TENANT_B, PageRequest.first(10)).items()).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> scores().delete(TENANT_B, score.customer())))
                .isFalse();
        assertThat(scores().find(TENANT_A, score.customer())).contains(score);
    }

    @Test
    void deleteRemovesTheScoreOnce() {
        CustomerScore score = predicted(aContact(), CustomerTier.SMALL, "need attention");
        save(TENANT_A, score);

        assertThat(storage.transactions().inTransaction(() -> scores().delete(TENANT_A, score.customer())))
                .isTrue();
        assertThat(storage.transactions().inTransaction(() -> scores().delete(TENANT_A, score.customer())))
                .isFalse();
        assertThat(scores().find(TENANT_A, score.customer())).isEmpty();
    }

    @Test
    void aRolledBackSaveLeavesTheEarlierScore() {
        RecordRef account = anAccount();
        CustomerScore earlier = predicted(account, CustomerTier.SMALL, "promising");
        save(TENANT_A, earlier);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    scores().save(TENANT_A, predicted(account, CustomerTier.KEY, "champions"));
                    scores().save(TENANT_A, predicted(anAccount(), CustomerTier.KEY, "champions"));
                    throw new IllegalStateException("the refresh failed half-way");
                }))
                .hasMessage("the refresh failed half-way");

        assertThat(scores().find(TENANT_A, account)).contains(earlier);
        assertThat(scores().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
    }

    @Test
    void concurrentSavesOfDifferentCustomersAreAllKept() throws InterruptedException {
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(() -> {
                for (int j = 0; j < 10; j++) {
                    save(TENANT_A, predicted(anAccount(), CustomerTier.SMALL, "loyal"));
                }
                return 10;
            });
        }

        List<Outcome<Integer>> outcomes = concurrently(writers);

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(scores().findAll(TENANT_A, PageRequest.first(100)).totalElements())
                .isEqualTo(40);
    }
}
