package org.crmkit.workflow.action;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Consent;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;

/**
 * Finds where a message to an account goes: for each channel in the given order, the account's own primary address
 * for it, else the first of its contacts (among its first 100) that has one and has not withdrawn consent to service
 * messages on that channel. The first channel that finds someone wins. Addresses are those of
 * {@link Channel#addressIn}. Dunning addresses its notices this way; a host's workflow that writes to accounts may
 * too. Thread-safe.
 */
public final class Recipients {

    /**
     * Who a message goes to: the channel found, the address on it, the name to address the recipient by (the
     * account's or the contact's) and the language to write in (the contact's preferred one, else the default).
     */
    public record Recipient(Channel channel, String address, String name, Locale language) {}

    private final Crm crm;

    private Recipients(Crm crm) {
        this.crm = crm;
    }

    /** Recipients among the accounts and contacts of {@code crm}. */
    public static Recipients of(Crm crm) {
        return new Recipients(Require.notNull(crm, "crm"));
    }

    /** The recipient of a message to the account on the first of the channels that reaches someone; empty for none. */
    public Optional<Recipient> find(Account account, List<Channel> channels, Locale defaultLanguage) {
        Require.notNull(account, "account");
        Require.noNulls(channels, "channels");
        Require.notNull(defaultLanguage, "defaultLanguage");
        List<Contact> contacts = null;
        for (Channel channel : channels) {
            Optional<String> own = channel.addressIn(account.contactPoints());
            if (own.isPresent()) {
                return Optional.of(new Recipient(channel, own.get(), account.name(), defaultLanguage));
            }
            if (contacts == null) {
                contacts = crm.parties()
                        .contactsOfAccount(account.id(), PageRequest.first(100))
                        .items();
            }
            for (Contact contact : contacts) {
                Optional<String> address = channel.addressIn(contact.contactPoints());
                if (address.isPresent() && !withdrew(contact, channel)) {
                    Locale language = contact.details().preferredLanguage() == null
                            ? defaultLanguage
                            : contact.details().preferredLanguage();
                    return Optional.of(
                            new Recipient(channel, address.get(), contact.name().fullName(), language));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean withdrew(Contact contact, Channel channel) {
        return contact.latestConsent(channel.consentChannel(), ConsentPurpose.SERVICE)
                .map(Consent::isGranted)
                .map(granted -> !granted)
                .orElse(false);
    }
}
