package org.crmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.testkit.workflow.WorkflowScenario;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.InMemoryDunningCaseStore;
import org.crmkit.workflow.greeting.Greetings;
import org.junit.jupiter.api.Test;

/** Every workflow addresses its letters the same way: one address formatter ({@code PostalAddress.oneLine}). */
class OneAddressTest {

    @Test
    void aGreetingAndADunningLetterToTheSameContactCarryTheSameAddressPostalCodeIncluded() {
        WorkflowScenario scenario = WorkflowScenario.startingAt(Instant.parse("2026-01-05T08:00:00Z"))
                .build();
        Crm crm = scenario.crm();
        UserId owner = UserId.next(new IdGenerator(scenario.clock()));
        Account account = crm.parties().registerAccount(NewAccount.of("Engel Handel", owner));
        Contact ada = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Ada", "Engel"), owner)
                        .withDetails(new ContactDetails(Locale.GERMAN, LocalDate.of(1980, 1, 10), null))
                        .withAddress(PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.HOME));
        crm.parties().grantConsent(ada.id(), ConsentChannel.LETTER, ConsentPurpose.MARKETING, "contract");
        crm.parties().linkContactToAccount(ada.id(), account.id(), "owner", true, scenario.today(), null);
        Greetings.builder(scenario.runtime())
                .channel(Channel.LETTER)
                .sendAt(LocalTime.of(8, 0))
                .build();
        Dunning.builder(scenario.runtime())
                .cases(InMemoryDunningCaseStore.create((InMemoryStorage) scenario.storage()))
                .policy(DunningPolicy.builder("standard")
                        .currency("EUR")
                        .level(DunningLevel.daysAfterDue(7).notice(Channel.LETTER))
                        .build())
                .build();
        crm.billing()
                .issueInvoice(new NewInvoice(
                        "INV-1",
                        account.id(),
                        scenario.today(),
                        scenario.today(),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of(
                                "Services", BigDecimal.ONE, Money.of("100.00", "EUR"), BigDecimal.ZERO))));

        scenario.untilDay(10);

        List<Sent> letters = scenario.channel(Channel.LETTER).sent();
        assertThat(letters).extracting(letter -> letter.key().split(":")[0]).containsExactly("greeting", "dunning");
        assertThat(letters)
                .extracting(letter -> letter.message().address())
                .containsOnly("Hauptstr. 1, 10115 Berlin, DE");
    }
}
