package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A merge is a change of every record it involves, checked for the acting user under the sharing model. */
class MergeAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final InMemoryStorage storage = InMemoryStorage.create(CLOCK);
    private User salesperson;
    private User colleague;
    private Contact own;
    private Contact duplicate;
    private Activity call;

    private Crm crm(SharingModel model) {
        return Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .actorResolver(actor::get)
                .sharingModel(model)
                .build();
    }

    @BeforeEach
    void aSalespersonsContactAndItsDuplicateOwnedByAColleague() {
        Crm open = crm(SharingModel.openToAll());
        salesperson = open.access().registerUser("sales", EmailAddress.of("sales@crm.example"), List.of(Role.SALES));
        colleague = open.access().registerUser("colleague", EmailAddress.of("mate@crm.example"), List.of(Role.SALES));
        own = open.parties().registerContact(NewContact.of(PersonName.of("Nora", "Customer"), salesperson.id()));
        duplicate = open.parties().registerContact(NewContact.of(PersonName.of("Nora", "Customer"), colleague.id()));
        call = open.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Call", CLOCK.instant())
                        .aboutContact(duplicate.id()));
    }

    private void actAs(User user) {
        actor.set(Actor.user(user.id(), user.name()));
    }

    private Contact mergeOwnWithDuplicate(Crm crm) {
        crm.merges().mergeContacts(own.id(), List.of(duplicate.id()), Survivorship.survivorWins());
        return crm.parties().contact(own.id());
    }

    @Test
    void aDuplicateTheUserMayReadButNotChangeIsNotMerged() {
        Crm crm = crm(SharingModel.every(DefaultAccess.READ));
        actAs(salesperson);

        assertThatThrownBy(() -> mergeOwnWithDuplicate(crm))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("CONTACT " + duplicate.id());

        assertThat(crm.parties().findContact(duplicate.id())).isPresent();
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().contacts())
                .containsExactly(duplicate.id());
    }

    @Test
    void aDuplicateTheUserMayNotSeeIsNotFound() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        actAs(salesperson);

        assertThatThrownBy(() -> mergeOwnWithDuplicate(crm)).isInstanceOf(RecordNotFoundException.class);
        assertThat(crm(SharingModel.openToAll()).parties().findContact(duplicate.id()))
                .isPresent();
    }

    @Test
    void aRelatedRecordTheUserMayNotChangeStopsTheMergeToo() {
        Crm open = crm(SharingModel.openToAll());
        Opportunity deal = open.sales()
                .openOpportunity(NewOpportunity.of(
                                "Deal",
                                open.parties()
                                        .registerAccount(NewAccount.of("Acme", colleague.id()))
                                        .id(),
                                open.pipelines()
                                        .definePipeline(
                                                "Sales",
                                                List.of(
                                                        NewStage.open("Qualify", 20, ForecastCategory.PIPELINE),
                                                        NewStage.won("Won"),
                                                        NewStage.lost("Lost")))
                                        .id(),
                                Currency.getInstance("EUR"),
                                colleague.id())
                        .withPrimaryContact(duplicate.id()));
        open.parties()
                .linkContactToAccount(
                        duplicate.id(),
                        deal.state().account(),
                        "Buyer",
                        true,
                        CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                        null);
        Crm crm = crm(
                SharingModel.every(DefaultAccess.READ_WRITE).withDefault(RecordType.OPPORTUNITY, DefaultAccess.READ));
        actAs(salesperson);

        assertThatThrownBy(() -> mergeOwnWithDuplicate(crm))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("OPPORTUNITY " + deal.id());
        assertThat(crm.parties().findContact(duplicate.id())).isPresent();
        assertThat(crm.sales().opportunity(deal.id()).orElseThrow().state().primaryContact())
                .isEqualTo(duplicate.id());
    }

    @Test
    void theSystemActorMergesUnderAnyModel() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));

        Contact merged = mergeOwnWithDuplicate(crm);

        assertThat(merged.id()).isEqualTo(own.id());
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().contacts())
                .containsExactly(own.id());
    }
}
