package org.crmkit.workflow.action;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.party.Contact;

/**
 * What workflows that write to contacts (greetings, follow-up sequences) share: personal values, language, time zone
 * and the timeline. Addresses come from {@link Channel#addressIn}.
 */
public final class ContactMessages {

    private ContactMessages() {}

    /**
     * The values of the contact that templates may use: {@code fullName}, {@code lastName} and, when the contact
     * has them, {@code firstName} and {@code salutation}. A new, mutable map, so that callers may add their own.
     */
    public static Map<String, String> personalValues(Contact contact) {
        Require.notNull(contact, "contact");
        Map<String, String> values = new HashMap<>();
        values.put("fullName", contact.name().fullName());
        values.put("lastName", contact.name().lastName());
        Optional.ofNullable(contact.name().firstName()).ifPresent(first -> values.put("firstName", first));
        Optional.ofNullable(contact.name().salutation()).ifPresent(salutation -> values.put("salutation", salutation));
        return values;
    }

    /**
     * Chooses the offer for the contact by the tenant's offer rules ({@code crm.offers()}) and, when one is made,
     * adds what templates may use of it to {@code values}: {@code offerCode}, {@code offerText},
     * {@code offerValidUntil} (ISO date, when it expires) and {@code offer}, a paragraph with the text and the code
     * that crmkit's default templates print. Returns the choice when it made an offer, to be recorded on the message
     * ({@link Message#offer()}); empty otherwise, and {@code values} is left as it was.
     */
    public static Optional<OfferChoice> chooseOffer(
            Crm crm, Contact contact, String occasion, LocalDate date, Map<String, String> values) {
        Require.notNull(values, "values");
        OfferChoice choice = Require.notNull(crm, "crm").offers().choose(contact, occasion, date);
        choice.chosenOffer().ifPresent(offer -> {
            values.put("offerCode", offer.code());
            values.put("offerText", offer.text());
            if (offer.validUntil() != null) {
                values.put("offerValidUntil", offer.validUntil().toString());
            }
            values.put("offer", "\n\n" + offer.text() + ": " + offer.code());
        });
        return choice.chosenOffer().map(offer -> choice);
    }

    /** The contact's preferred language, or {@code fallback} when it has none. */
    public static Locale languageOf(Contact contact, Locale fallback) {
        return Optional.ofNullable(contact.details().preferredLanguage()).orElse(Require.notNull(fallback, "fallback"));
    }

    /** The contact's time zone, or {@code fallback} when it has none. */
    public static ZoneId zoneOf(Contact contact, ZoneId fallback) {
        return Optional.ofNullable(contact.details().timeZone()).orElse(Require.notNull(fallback, "fallback"));
    }

    /**
     * Logs a delivered message about a contact as an outbound activity on the contact's timeline (subject, and
     * the body as summary, followed by the offer it made and the rule that chose it), at the time of delivery. Other actions are left alone. Call it from
     * {@code Workflow.onDelivered}, which runs in the transaction that marks the action delivered.
     */
    public static void logOnTimeline(Crm crm, Action action) {
        Require.notNull(crm, "crm");
        Require.notNull(action, "action");
        if (action.payload() instanceof Message message && message.about().type() == RecordType.CONTACT) {
            crm.activities()
                    .logActivity(NewActivity.of(
                                    message.channel().activityKind(),
                                    Direction.OUTBOUND,
                                    message.subject(),
                                    action.finishedAt())
                            .aboutContact(ContactId.of(message.about().id()))
                            .withSummary(message.madeOffer()
                                    .map(offer -> message.body() + "\n\n[" + offer.explanation() + "]")
                                    .orElse(message.body())));
        }
    }
}
