package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every adapter stores the same texts, exactly: text that one of them cannot keep as given (a NUL character, which
 * PostgreSQL refuses; a lone surrogate, which has no UTF-8 form and which databases turn into {@code ?}) is refused
 * by the domain with {@code CRM-0002} naming the field before any adapter sees it, and every other text (letters of
 * any script, characters beyond the BMP, control characters, noncharacters, SQL and JSON metacharacters) comes back
 * exactly as it was stored.
 */
public abstract class TextParityContract extends StorageContract {

    /** Hard but valid text: a supplementary character (a pair of surrogates), combining marks, a control character,
     * a noncharacter, the last BMP character, right-to-left script, SQL and JSON metacharacters. */
    private static final String HARD_TEXT =
            "Zo\u00eb \uD83D\uDE00 n\u0303 \u0001\t\uFFFE\uFFFF \u05E9\u05DC\u05D5\u05DD" + " ' \" \\ %_ \\u0000 ;--";

    private Crm crm;
    private UserId owner;
    private Contact kim;
    private Account acme;

    @BeforeEach
    void crmOnTheStorage() {
        crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT_A).build();
        owner = UserId.next(ids);
        kim = crm.parties().registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner));
        acme = crm.parties().registerAccount(NewAccount.of("ACME", owner));
    }

    private static void refusedNaming(String field, ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(e.errorCode().code()).isEqualTo("CRM-0002");
            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple(field, "CRM-0002"));
        });
    }

    private NewInvoice invoice(String number, String lineText) {
        LocalDate today = LocalDate.now(clock);
        return new NewInvoice(
                number,
                acme.id(),
                today,
                today.plusDays(14),
                Currency.getInstance("EUR"),
                List.of(InvoiceLine.of(lineText, "1", Money.of("10.00", "EUR"), "19")));
    }

    @Test
    void aNulCharacterIsRefusedNamingTheFieldAndNothingIsStored() {
        refusedNaming(
                "name.lastName",
                () -> crm.parties().registerContact(NewContact.of(PersonName.of("Ann", "Lee\u0000"), owner)));
        refusedNaming("name", () -> crm.parties().renameAccount(acme.id(), "AC\u0000ME"));
        refusedNaming(
                "summary",
                () -> crm.activities()
                        .logActivity(NewActivity.note(kim.id(), "Call", "before\u0000after", clock.instant())));
        refusedNaming("description", () -> crm.billing().issueInvoice(invoice("INV-1", "Consulting\u0000")));
        refusedNaming("number", () -> crm.billing().issueInvoice(invoice("INV\u00002", "Consulting")));

        assertThat(crm.parties().contactsNamed("Lee", PageRequest.first(10)).items())
                .isEmpty();
        assertThat(crm.parties().account(acme.id()).name()).isEqualTo("ACME");
        assertThat(crm.activities()
                        .timeline(kim.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(crm.billing().invoicesOf(acme.id(), PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        refusedNaming(
                "name.firstName",
                () -> crm.parties().registerContact(NewContact.of(PersonName.of("Ann\uD83D", "Lee"), owner)));
        refusedNaming(
                "summary",
                () -> crm.activities()
                        .logActivity(NewActivity.note(kim.id(), "Call", "\uDE00 low half first", clock.instant())));
        refusedNaming(
                "subject",
                () -> crm.activities()
                        .logActivity(
                                NewActivity.note(kim.id(), "\uDE00\uD83D reversed pair", "text", clock.instant())));
        refusedNaming(
                "customField.value",
                () -> crm.parties()
                        .setCustomField(
                                kim.id(),
                                CustomFieldKey.of("nickname"),
                                CustomFieldValue.text("high half last \uD83D")));

        assertThat(crm.parties().contact(kim.id()).customFields().values()).isEmpty();
        assertThat(crm.activities()
                        .timeline(kim.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void hardButValidTextComesBackExactlyAsStored() {
        Contact zoe = crm.parties().registerContact(NewContact.of(PersonName.of(HARD_TEXT, "Lee"), owner));
        Activity note = crm.activities().logActivity(NewActivity.note(kim.id(), HARD_TEXT, HARD_TEXT, clock.instant()));
        crm.parties().setCustomField(kim.id(), CustomFieldKey.of("nickname"), CustomFieldValue.text(HARD_TEXT));
        crm.parties().renameAccount(acme.id(), HARD_TEXT);

        assertThat(crm.parties().contact(zoe.id()).name().firstName()).isEqualTo(HARD_TEXT);
        assertThat(crm.activities().findActivity(note.id()).orElseThrow())
                .extracting(Activity::subject, Activity::summary)
                .containsExactly(HARD_TEXT, HARD_TEXT);
        assertThat(crm.parties().contact(kim.id()).customFields().get(CustomFieldKey.of("nickname")))
                .contains(CustomFieldValue.text(HARD_TEXT));
        assertThat(crm.parties().account(acme.id()).name()).isEqualTo(HARD_TEXT);
    }
}
