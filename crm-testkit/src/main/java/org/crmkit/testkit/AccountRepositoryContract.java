package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.testkit.fixtures.AccountMother;
import org.junit.jupiter.api.Test;

/** What every {@link AccountRepository} must do. Extend it and supply the storage. */
public abstract class AccountRepositoryContract extends StorageContract {

    private AccountRepository accounts() {
        return storage.accounts();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private Account save(Account account) {
        return inTransaction(() -> accounts().save(account));
    }

    private Account named(String name, UserId owner) {
        return AccountMother.anAccount(TENANT_A, ids, clock, name, owner);
    }

    private static List<String> names(Page<Account> page) {
        return page.items().stream().map(Account::name).toList();
    }

    /** {@code count} new accounts of tenant A saved in one transaction, as they were before the save. */
    private List<Account> savedOfTenantA(int count) {
        List<Account> batch = IntStream.range(0, count)
                .mapToObj(i -> AccountMother.anAccount(TENANT_A, ids, clock))
                .toList();
        inTransaction(() -> accounts().saveAll(batch));
        return batch;
    }

    @Test
    void aSavedAccountComesBackWithEveryFieldAndTheNextVersion() {
        Account account = AccountMother.anAccount(TENANT_A, ids, clock);

        assertThat(save(account).version()).isEqualTo(1);
        assertThat(accounts().findById(TENANT_A, account.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(account.state().withVersion(1)));
    }

    @Test
    void accountsAreReadTogetherByTheirIdsOfTheTenantOnly() {
        List<Account> batch = savedOfTenantA(130);
        Account otherTenants = save(AccountMother.anAccount(TENANT_B, ids, clock));
        List<AccountId> wanted = new ArrayList<>(batch.stream().map(Account::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(AccountId.next(ids));
        wanted.add(batch.get(0).id());

        List<Account> found = accounts().findByIds(TENANT_A, wanted);

        assertThat(found)
                .hasSize(130)
                .extracting(Account::id)
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(Account::id).toList());
        assertThat(found)
                .filteredOn(account -> account.id().equals(batch.get(5).id()))
                .singleElement()
                .satisfies(account -> assertThat(account.state())
                        .isEqualTo(batch.get(5).state().withVersion(1)));
        assertThat(accounts().findByIds(TENANT_B, wanted))
                .extracting(Account::id)
                .containsExactly(otherTenants.id());
        assertThat(accounts().findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void anAccountReadTogetherWithOthersAndSavedInTheSameTransactionKeepsItsChange() {
        List<Account> batch = savedOfTenantA(3);

        Account saved = inTransaction(() -> {
            Account read = accounts()
                    .findByIds(TENANT_A, batch.stream().map(Account::id).toList())
                    .stream()
                    .filter(account -> account.id().equals(batch.get(1).id()))
                    .findFirst()
                    .orElseThrow();
            read.tag("changed", clock);
            return accounts().save(read);
        });

        assertThat(saved.version()).isEqualTo(2);
        assertThat(accounts().findById(TENANT_A, saved.id()))
                .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(saved.state()));
        assertThat(accounts()
                        .findById(TENANT_A, saved.id())
                        .orElseThrow()
                        .tags()
                        .has("changed"))
                .isTrue();
    }

    @Test
    void theIdsOfAccountsThatExistAreFoundAmongManyForTheTenantOnly() {
        List<Account> batch = savedOfTenantA(130);
        Account otherTenants = save(AccountMother.anAccount(TENANT_B, ids, clock));
        Account deleted = batch.get(7);
        inTransaction(() -> accounts().delete(TENANT_A, deleted.id(), 1));
        AccountId neverStored = AccountId.next(ids);
        List<AccountId> wanted = new ArrayList<>(batch.stream().map(Account::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(neverStored);
        wanted.add(batch.get(0).id());

        assertThat(accounts().existingIds(TENANT_A, wanted))
                .hasSize(129)
                .containsExactlyInAnyOrderElementsOf(batch.stream()
                        .map(Account::id)
                        .filter(id -> !id.equals(deleted.id()))
                        .toList());
        assertThat(accounts().existingIds(TENANT_B, wanted)).containsExactly(otherTenants.id());
        assertThat(accounts().existingIds(TENANT_A, List.of(neverStored, deleted.id())))
                .isEmpty();
        assertThat(accounts().existingIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Account saved = save(AccountMother.anAccount(TENANT_A, ids, clock));
        Account first = accounts().findById(TENANT_A, saved.id()).orElseThrow();
        Account second = accounts().findById(TENANT_A, saved.id()).orElseThrow();
        first.rename("First", clock);
        second.rename("Second", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(accounts().findById(TENANT_A, saved.id()).orElseThrow().name())
                .isEqualTo("First");
    }

    @Test
    void deletingNeedsTheCurrentVersion() {
        Account saved = save(AccountMother.anAccount(TENANT_A, ids, clock));

        assertThatThrownBy(() -> inTransaction(() -> accounts().delete(TENANT_A, saved.id(), 2)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(inTransaction(() -> accounts().delete(TENANT_A, saved.id(), 1)))
                .isTrue();
        assertThat(accounts().findById(TENANT_A, saved.id())).isEmpty();
        assertThat(accounts().findByName(TENANT_A, "ACME Manufacturing")).isEmpty();
    }

    @Test
    void anAccountOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        Account saved = save(AccountMother.anAccount(TENANT_A, ids, clock));
        AccountState state = saved.state();
        Account foreign = Account.restore(new AccountState(
                TENANT_B,
                state.id(),
                state.version(),
                state.name(),
                state.details(),
                state.contactPoints(),
                state.tags(),
                state.customFields(),
                state.owner(),
                state.territory(),
                state.customerSince(),
                state.parents(),
                state.creditHold(),
                state.registeredAt(),
                state.externalRefs()));

        assertThat(accounts().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(accounts().findByName(TENANT_B, "ACME Manufacturing")).isEmpty();
        assertThat(accounts().findByEmail(TENANT_B, EmailAddress.of("info@acme.example")))
                .isEmpty();
        assertThat(accounts()
                        .findByTerritory(TENANT_B, saved.territory().orElseThrow(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(inTransaction(() -> accounts().delete(TENANT_B, saved.id(), 1)))
                .isFalse();
        assertThat(accounts().findById(TENANT_A, saved.id())).isPresent();
    }

    @Test
    void accountsAreFoundByNormalisedNameEmailAndPhone() {
        Account saved = save(AccountMother.anAccount(TENANT_A, ids, clock));
        save(named("Other Ltd", UserId.next(ids)));

        assertThat(accounts().findByName(TENANT_A, "  acme   MANUFACTURING "))
                .extracting(Account::id)
                .containsExactly(saved.id());
        assertThat(accounts().findByEmail(TENANT_A, EmailAddress.of("BILLING@acme.example")))
                .extracting(Account::id)
                .containsExactly(saved.id());
        assertThat(accounts().findByPhone(TENANT_A, PhoneNumber.parse("+49 30 1234567")))
                .extracting(Account::id)
                .containsExactly(saved.id());
    }

    @Test
    void aRenamedAccountIsFoundByItsNewNameOnly() {
        Account saved = save(named("Old Name", UserId.next(ids)));
        saved.rename("New Name", clock);
        save(saved);

        assertThat(accounts().findByName(TENANT_A, "old name")).isEmpty();
        assertThat(accounts().findByName(TENANT_A, "new name")).hasSize(1);
    }

    @Test
    void accountsOfAnOwnerArePagedInNameOrder() {
        UserId owner = UserId.next(ids);
        for (String name : List.of("delta", "Bravo", "alpha", "Charlie")) {
            save(named(name, owner));
        }
        save(named("Echo", UserId.next(ids)));

        Page<Account> first = accounts().findByOwner(TENANT_A, owner, PageRequest.of(0, 3));

        assertThat(names(first)).containsExactly("alpha", "Bravo", "Charlie");
        assertThat(first.hasNext()).isTrue();
        assertThat(names(accounts().findByOwner(TENANT_A, owner, PageRequest.of(1, 3))))
                .containsExactly("delta");
    }

    @Test
    void accountsOfATerritoryArePagedInNameOrder() {
        TerritoryId north = TerritoryId.next(ids);
        UserId owner = UserId.next(ids);
        for (String name : List.of("Zeta", "Eta", "Theta")) {
            Account account = named(name, owner);
            account.assignTerritory(north, clock);
            save(account);
        }
        save(named("Elsewhere", owner));

        assertThat(names(accounts().findByTerritory(TENANT_A, north, PageRequest.of(0, 2))))
                .containsExactly("Eta", "Theta");
        assertThat(names(accounts().findByTerritory(TENANT_A, north, PageRequest.of(1, 2))))
                .containsExactly("Zeta");
    }

    @Test
    void childrenAreTheSubsidiariesOnTheDay() {
        UserId owner = UserId.next(ids);
        Account parent = save(named("Group", owner));
        Account current = named("Current", owner);
        current.setParent(parent.id(), LocalDate.of(2024, 1, 1), clock);
        Account former = named("Former", owner);
        former.setParent(parent.id(), LocalDate.of(2020, 1, 1), clock);
        former.setParent(AccountId.next(ids), LocalDate.of(2023, 1, 1), clock);
        save(current);
        save(former);

        assertThat(names(accounts()
                        .findChildren(TENANT_A, parent.id(), LocalDate.of(2025, 1, 1), PageRequest.first(10))))
                .containsExactly("Current");
        assertThat(names(accounts()
                        .findChildren(TENANT_A, parent.id(), LocalDate.of(2022, 6, 1), PageRequest.first(10))))
                .containsExactly("Former");
    }

    @Test
    void allAccountsArePagedInIdOrder() {
        UserId owner = UserId.next(ids);
        Account first = named("B", owner);
        Account second = named("A", owner);
        save(second);
        save(first);

        assertThat(accounts().findAll(TENANT_A, PageRequest.first(10)).items())
                .extracting(Account::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Account saved = save(AccountMother.anAccount(TENANT_A, ids, clock));
        int writers = 4;
        List<Callable<Void>> tasks = IntStream.range(0, writers)
                .<Callable<Void>>mapToObj(i -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Account account = accounts()
                                        .findById(TENANT_A, saved.id())
                                        .orElseThrow();
                                account.addEmail(
                                        EmailAddress.of("writer" + i + "@acme.example"), ContactPointType.OTHER, clock);
                                return accounts().save(account);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Account result = accounts().findById(TENANT_A, saved.id()).orElseThrow();
        assertThat(result.version()).isEqualTo(1 + writers);
        assertThat(result.contactPoints().emails()).hasSize(2 + writers);
    }
}
