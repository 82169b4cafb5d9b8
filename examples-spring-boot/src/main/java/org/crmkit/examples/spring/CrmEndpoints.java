package org.crmkit.examples.spring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.access.User;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.workflow.dunning.Dunning;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A few REST endpoints over crmkit: users, accounts, invoices, the dunning of an account, the emails sent. */
@RestController
class CrmEndpoints {

    private final Crm crm;
    private final Dunning dunning;
    private final SentMail mail;

    CrmEndpoints(Crm crm, Dunning dunning, SentMail mail) {
        this.crm = crm;
        this.dunning = dunning;
        this.mail = mail;
    }

    record NewUserRequest(String name, String email) {}

    record UserView(UUID id, String name) {}

    record NewAccountRequest(String name, UUID owner, String billingEmail) {}

    record AccountView(UUID id, String name, UUID owner) {
        static AccountView of(Account account) {
            return new AccountView(
                    account.id().value(), account.name(), account.owner().value());
        }
    }

    record NewInvoiceRequest(
            String number, LocalDate issueDate, LocalDate dueDate, String currency, BigDecimal amount) {}

    record InvoiceView(UUID id, String number, String total, String balanceDue) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(
                    invoice.id().value(),
                    invoice.number(),
                    invoice.total().toString(),
                    invoice.balanceDue().toString());
        }
    }

    record DunningView(int level, boolean open, String fees) {}

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView registerUser(@RequestBody NewUserRequest request) {
        User user = crm.access().registerUser(request.name(), EmailAddress.of(request.email()), List.of());
        return new UserView(user.id().value(), user.name());
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView registerAccount(@RequestBody NewAccountRequest request) {
        NewAccount account = NewAccount.of(request.name(), UserId.of(request.owner()));
        if (request.billingEmail() != null) {
            account = account.withEmail(EmailAddress.of(request.billingEmail()), ContactPointType.BILLING);
        }
        return AccountView.of(crm.parties().registerAccount(account));
    }

    @GetMapping("/accounts/{id}")
    AccountView account(@PathVariable UUID id) {
        return AccountView.of(crm.parties().account(AccountId.of(id)));
    }

    @PostMapping("/accounts/{id}/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceView issueInvoice(@PathVariable UUID id, @RequestBody NewInvoiceRequest request) {
        Currency currency = Currency.getInstance(request.currency());
        return InvoiceView.of(crm.billing()
                .issueInvoice(new NewInvoice(
                        request.number(),
                        AccountId.of(id),
                        request.issueDate(),
                        request.dueDate(),
                        currency,
                        List.of(InvoiceLine.of(
                                "Services", BigDecimal.ONE, Money.of(request.amount(), currency), BigDecimal.ZERO)))));
    }

    @GetMapping("/accounts/{id}/dunning")
    List<DunningView> dunning(@PathVariable UUID id) {
        return dunning.casesOf(AccountId.of(id)).stream()
                .map(dunningCase -> new DunningView(
                        dunningCase.topLevel(),
                        dunningCase.isOpen(),
                        dunningCase.fees().toString()))
                .toList();
    }

    @GetMapping("/messages")
    List<SentMail.Sent> messages() {
        return mail.sent();
    }
}
