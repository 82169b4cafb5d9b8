package org.crmkit.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.Storage;

/**
 * Records of the default tenant saved straight into a storage, without events, for tests of use cases that refer to
 * them (an opportunity's account, an activity's contact): the records exist, and the events the test watches are
 * only those of its own subject.
 */
final class StoredRecords {

    private StoredRecords() {}

    static AccountId account(Storage storage, Clock clock) {
        Account account = Account.register(
                TenantId.DEFAULT,
                AccountId.of(UUID.randomUUID()),
                NewAccount.of("Stored account", UserId.of(UUID.randomUUID())),
                clock);
        return storage.accounts().save(account).id();
    }

    static ContactId contact(Storage storage, Clock clock) {
        Contact contact = Contact.register(
                TenantId.DEFAULT,
                ContactId.of(UUID.randomUUID()),
                NewContact.of(PersonName.of("Stored", "Contact"), UserId.of(UUID.randomUUID())),
                clock);
        return storage.contacts().save(contact).id();
    }

    static CampaignId campaign(Storage storage, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Campaign campaign = Campaign.plan(
                TenantId.DEFAULT,
                CampaignId.of(UUID.randomUUID()),
                NewCampaign.of(
                        "Stored campaign",
                        CampaignType.EMAIL,
                        new CampaignPeriod(today, today.plusDays(30)),
                        Money.of("100.00", "EUR")),
                Actor.SYSTEM,
                clock);
        return storage.campaigns().save(campaign).id();
    }
}
