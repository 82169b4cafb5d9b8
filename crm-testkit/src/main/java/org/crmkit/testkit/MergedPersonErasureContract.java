package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.ErasureReport;
import org.junit.jupiter.api.Test;

/**
 * What every storage adapter must do when a merged person is erased: the merge record's before-image, which keeps
 * the merged duplicate and the moved records as they were, holds none of the person's data afterwards (the
 * adapter's test says where a text occurs in all it stores, {@link #placesHolding}).
 */
public abstract class MergedPersonErasureContract extends MergeFixture {

    private static final String EMAIL = "wendelin.quorrby@example.org";
    private static final String PHONE = "+49301112223";

    /** Where {@code text} occurs in everything the storage keeps, ignoring case; empty when nowhere. */
    protected abstract List<String> placesHolding(String text);

    @Test
    void anErasureOfTheSurvivorErasesWhatTheMergeRecordKeepsOfThePerson() {
        Contact person = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Wendelin", "Quorrby"), owner)
                        .withEmail(EmailAddress.of(EMAIL), ContactPointType.WORK));
        Contact duplicate = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Wendelin", "Quorrby"), owner)
                        .withPhone(PhoneNumber.parse(PHONE), ContactPointType.MOBILE));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL, Direction.INBOUND, "Call with Wendelin Quorrby", clock.instant())
                        .withSummary("Call back on " + PHONE)
                        .aboutContact(duplicate.id()));
        MergeRecord merge =
                crm.merges().mergeContacts(person.id(), List.of(duplicate.id()), Survivorship.survivorWins());
        assertThat(placesHolding(PHONE)).isNotEmpty();

        ErasureReport report = crm.privacy().erase(RecordRef.contact(person.id()), "Art. 17 request");

        assertThat(report.changed()).containsEntry("merges", 1);
        assertThat(placesHolding(PHONE)).isEmpty();
        assertThat(placesHolding(EMAIL)).isEmpty();
        assertThat(placesHolding("Wendelin Quorrby")).isEmpty();
        assertThat(crm.merges().merge(merge.id()).orElseThrow().inForce()).isTrue();
    }
}
