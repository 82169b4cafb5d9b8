package org.crmkit.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Consent;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.workflow.runtime.Channel;

/**
 * Finds where a notice to an account goes: for each channel in the policy's order, the account's own primary
 * address for it, else the first of its contacts that has one and has not withdrawn consent to service messages on
 * that channel. The first channel that finds someone wins.
 */
final class Recipients {

    record Recipient(Channel channel, String address, String name, Locale language) {
    }

    private final Crm crm;

    Recipients(Crm crm) {
        this.crm = crm;
    }

    Optional<Recipient> find(Account account, List<Channel> channels, Locale defaultLanguage) {
        List<Contact> contacts = null;
        for (Channel channel : channels) {
            Optional<String> own = addressOf(account.contactPoints(), channel);
            if (own.isPresent()) {
                return Optional.of(new Recipient(channel, own.get(), account.name(), defaultLanguage));
            }
            if (contacts == null) {
                contacts = crm.parties().contactsOfAccount(account.id(), PageRequest.first(100)).items();
            }
            for (Contact contact : contacts) {
                Optional<String> address = addressOf(contact.contactPoints(), channel);
                if (address.isPresent() && !withdrew(contact, channel)) {
                    Locale language = contact.details().preferredLanguage() == null ? defaultLanguage
                            : contact.details().preferredLanguage();
                    return Optional.of(new Recipient(channel, address.get(), contact.name().fullName(), language));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean withdrew(Contact contact, Channel channel) {
        return contact.latestConsent(channel.consentChannel(), ConsentPurpose.SERVICE).map(Consent::isGranted)
                .map(granted -> !granted).orElse(false);
    }

    static Optional<String> addressOf(ContactPoints points, Channel channel) {
        return switch (channel) {
            case EMAIL -> points.primaryEmail().map(Object::toString);
            case SMS -> points.primaryPhone().map(Object::toString);
            case LETTER -> points.primaryAddress().map(Recipients::format);
        };
    }

    static String format(PostalAddress address) {
        String street = String.join(", ", address.streetLines());
        String city = address.postalCode() == null ? address.city() : address.postalCode() + " " + address.city();
        return java.util.stream.Stream.of(street, city, address.country() == null ? null : address.country().value())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }
}
