package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person's data is exported, audited and erased only by users the sharing model lets see or change it. */
class PrivacyAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final InMemoryStorage storage = InMemoryStorage.create(CLOCK);
    private User owner;
    private User stranger;
    private Contact customer;

    private Crm crm(SharingModel model) {
        return Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .actorResolver(actor::get)
                .sharingModel(model)
                .auditTrail(RecordType.CONTACT)
                .build();
    }

    @BeforeEach
    void aCustomerOwnedByOneSalesperson() {
        Crm open = crm(SharingModel.openToAll());
        owner = open.access().registerUser("owner", EmailAddress.of("owner@crm.example"), List.of(Role.SALES));
        stranger = open.access().registerUser("stranger", EmailAddress.of("stranger@crm.example"), List.of(Role.SALES));
        customer = open.parties().registerContact(NewContact.of(PersonName.of("Nora", "Customer"), owner.id()));
    }

    private void actAs(User user) {
        actor.set(Actor.user(user.id(), user.name()));
    }

    @Test
    void aUserWhoMayNotSeeThePersonFindsNothingToExportAuditOrErase() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        RecordRef subject = RecordRef.contact(customer.id());
        actAs(stranger);

        assertThatThrownBy(() -> crm.privacy().export(subject)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.privacy().legalHolds(subject)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.privacy().auditTrail(subject, PageRequest.first(10)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.privacy().erase(subject, "request")).isInstanceOf(RecordNotFoundException.class);

        actAs(owner);
        assertThat(crm.privacy().export(subject).json()).contains("\"lastName\":\"Customer\"");
        assertThat(crm.privacy().erase(subject, "request").total()).isPositive();
    }

    @Test
    void aUserWhoMayReadButNotChangeThePersonExportsButCannotErase() {
        Crm crm = crm(SharingModel.every(DefaultAccess.READ));
        RecordRef subject = RecordRef.contact(customer.id());
        actAs(stranger);

        assertThat(crm.privacy().export(subject).json()).contains("\"lastName\":\"Customer\"");
        assertThatThrownBy(() -> crm.privacy().erase(subject, "request")).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.parties().contact(customer.id()).name().lastName()).isEqualTo("Customer");
    }
}
