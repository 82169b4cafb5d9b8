package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.Test;

/**
 * A merge racing edits of the merged contact and of one of its activities, on real threads: whichever commits
 * first, no edit is lost silently (in every other round the merge runs again after a conflict, so that it wins). An edit that reports success is in the store afterwards (on the survivor when the
 * merge won too); an edit that lost reports a {@code CrmException}; a merge that lost reports a conflict and stored
 * nothing.
 */
public abstract class MergeConcurrencyContract extends MergeFixture {

    private static final int ROUNDS = 12;

    @Test
    void aMergeRacingEditsOfTheMergedContactNeverLosesAnEditSilently() throws InterruptedException {
        int mergesWon = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Contact survivor =
                    crm.parties().registerContact(NewContact.of(PersonName.of("Eva", "Round" + round), owner));
            Contact duplicate =
                    crm.parties().registerContact(NewContact.of(PersonName.of("Eva", "Round" + round), owner));
            Activity call = crm.activities()
                    .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Call", clock.instant())
                            .aboutContact(duplicate.id()));
            EmailAddress email = EmailAddress.of("eva.round" + round + "@edit.example");
            String corrected = "Call, corrected in round " + round;
            List<Callable<Object>> tasks = new ArrayList<>();
            // in even rounds the merge is run again after a conflict, as docs/syncing-with-your-erp.md advises
            int attempts = round % 2 == 0 ? 3 : 1;
            tasks.add(() -> crm.retrying(
                    attempts,
                    () -> crm.merges()
                            .mergeContacts(survivor.id(), List.of(duplicate.id()), Survivorship.survivorWins())));
            tasks.add(() -> crm.parties().addEmail(duplicate.id(), email, ContactPointType.WORK));
            tasks.add(() -> crm.activities().correct(call.id(), ActivityCorrection.of(corrected, null, null)));

            List<Outcome<Object>> outcomes = concurrently(tasks);

            Outcome<Object> merge = outcomes.get(0);
            Outcome<Object> emailEdit = outcomes.get(1);
            Outcome<Object> correction = outcomes.get(2);
            if (merge.succeeded()) {
                mergesWon++;
                assertThat(crm.parties().findContact(duplicate.id())).isEmpty();
            } else {
                assertThat(merge.failure())
                        .isInstanceOfAny(StaleVersionException.class, TransactionConflictException.class);
                assertThat(crm.parties().findContact(duplicate.id())).isPresent();
                assertThat(crm.merges().mergesOf(RecordRef.contact(duplicate.id())))
                        .isEmpty();
            }
            if (emailEdit.succeeded()) {
                assertThat(crm.parties().contactsByEmail(email))
                        .extracting(Contact::id)
                        .containsExactly(merge.succeeded() ? survivor.id() : duplicate.id());
            } else {
                assertThat(emailEdit.failure()).isInstanceOf(CrmException.class);
            }
            Activity stored = crm.activities().findActivity(call.id()).orElseThrow();
            if (correction.succeeded()) {
                assertThat(stored.subject()).isEqualTo(corrected);
            } else {
                assertThat(correction.failure()).isInstanceOf(CrmException.class);
            }
            assertThat(stored.contacts()).containsExactly(merge.succeeded() ? survivor.id() : duplicate.id());
        }
        assertThat(mergesWon).isPositive();
    }
}
