package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.Test;

/** {@code crm.retrying}: conflicts run the change again in a fresh transaction, anything else ends it at once. */
class RetryingTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final List<String> events = new ArrayList<>();
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .eventListener(entry -> events.add(entry.event().eventType()))
            .build();
    private final UserId owner = UserId.of(UUID.randomUUID());
    private int attempts;

    private Contact registerAda() {
        return crm.parties().registerContact(NewContact.of(new PersonName(null, "Ada", null, "King"), owner));
    }

    private List<Contact> contacts() {
        return crm.parties().contactsOwnedBy(owner, PageRequest.first(10)).items();
    }

    @Test
    void aChangeThatMeetsConflictsRunsAgainInAFreshTransactionUntilItSucceeds() {
        Contact ada = crm.retrying(3, () -> {
            Contact registered = registerAda();
            if (++attempts == 1) {
                throw new StaleVersionException("Account", UUID.randomUUID(), 4, 5);
            }
            if (attempts == 2) {
                throw new TransactionConflictException("deadlock", null);
            }
            return registered;
        });

        assertThat(attempts).isEqualTo(3);
        assertThat(contacts()).extracting(Contact::id).containsExactly(ada.id());
        assertThat(events).containsExactly("ContactRegistered");
    }

    @Test
    void afterTheLastAttemptTheLastConflictIsThrownAndNothingIsStored() {
        assertThatThrownBy(() -> crm.retrying(2, () -> {
                    registerAda();
                    throw new StaleVersionException("Account", UUID.randomUUID(), 4, 4 + ++attempts);
                }))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageEndingWith("the stored version is 6");

        assertThat(attempts).isEqualTo(2);
        assertThat(contacts()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void anyOtherFailureEndsTheChangeAtOnce() {
        assertThatThrownBy(() -> crm.retrying(5, () -> {
                    attempts++;
                    registerAda();
                    throw new IllegalStateException("the host's own check failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(attempts).isEqualTo(1);
        assertThat(contacts()).isEmpty();
    }

    @Test
    void insideATransactionItIsRefusedAsItsAttemptsCouldNotStartAfresh() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> crm.retrying(3, () -> attempts++)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("fresh transaction");
        assertThat(attempts).isZero();
    }

    @Test
    void atLeastOneAttempt() {
        assertThatThrownBy(() -> crm.retrying(0, () -> attempts++))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("maxAttempts");
    }
}
