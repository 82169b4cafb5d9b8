package org.crmkit.workflow.campaign;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignStatus;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Plans the messages of one campaign send as of an instant: the segment's contacts are read again in id order
 * (keyset pages of {@code Segments.contactsIn}, the rule evaluated by the storage), and those with consent for the channel and purpose, an address that did not bounce, no message of
 * this campaign yet and the local time inside the send window receive one, up to the hourly limit. Each page is one
 * transaction that first locks the campaign, so that two nodes planning the same campaign take turns and the second
 * finds the first's recipients (and the limit used up); the deduplication key {@code campaign:<campaign>:<contact>}
 * guards the rest.
 */
final class SendPlanning {

    static final int PAGE = 500;

    private static final SecureRandom TOKENS = new SecureRandom();
    private static final String SAMPLE_TOKEN = "sample-unsubscribe-token";

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final CampaignSendStore store;
    private final TemplateRenderer templates;
    private final Locale defaultLanguage;
    private final ZoneId defaultZone;
    private final ConsentPurpose purpose;
    private final String unsubscribeLink;

    SendPlanning(
            WorkflowRuntime runtime,
            CampaignSendStore store,
            TemplateRenderer templates,
            Locale defaultLanguage,
            ZoneId defaultZone,
            ConsentPurpose purpose,
            String unsubscribeLink) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.store = store;
        this.templates = templates;
        this.defaultLanguage = defaultLanguage;
        this.defaultZone = defaultZone;
        this.purpose = purpose;
        this.unsubscribeLink = unsubscribeLink;
    }

    /**
     * How a bounced address is kept: an e-mail address lower-cased, so that a gateway's report in other letters
     * matches (a malformed one is refused, field {@code email}); other addresses as the message carried them.
     */
    static String bounceKey(Channel channel, String address) {
        return channel == Channel.EMAIL ? EmailAddress.of(address).normalized() : address;
    }

    static String deduplicationKey(CampaignSend send, ContactId contact) {
        return "campaign:" + send.campaign() + ":" + contact;
    }

    /** Plans the send's due messages; returns how many it scheduled. */
    int plan(CampaignSend send, Instant asOf) {
        Optional<Campaign> campaign = crm.campaigns().findCampaign(send.campaign());
        if (campaign.isEmpty() || campaign.get().status() != CampaignStatus.ACTIVE) {
            return 0;
        }
        Instant hour = asOf.truncatedTo(ChronoUnit.HOURS);
        int planned = 0;
        ContactId after = null;
        while (roomIn(send, hour) > 0) {
            // the storage evaluates the segment (through its indexes where the rule names tags, an owner or a
            // territory), so a page reads about the segment's contacts alone, not every contact of the tenant
            List<Contact> page = crm.segments().contactsIn(send.segment(), after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            ContactId from = after;
            ContactId to = page.get(page.size() - 1).id();
            // who has the message already is read once outside the transaction too, so that a run after the
            // campaign went out opens no transaction for its pages
            Set<UUID> reached = recipientsBetween(send, from, to);
            List<Contact> due = page.stream()
                    .filter(contact -> !reached.contains(contact.id().value()) && mayReceive(send, contact, asOf))
                    .toList();
            if (!due.isEmpty()) {
                planned += runtime.inTransactionRetryingCollisions(
                        "campaign " + send.campaign() + " to " + due.size() + " contacts",
                        () -> schedule(send, campaign.get(), due, from, to, hour, asOf));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = to;
        }
        return planned;
    }

    private int roomIn(CampaignSend send, Instant hour) {
        return store.findSend(send.tenant(), send.campaign())
                .map(stored -> stored.roomIn(hour))
                .orElse(0);
    }

    private boolean mayReceive(CampaignSend send, Contact contact, Instant asOf) {
        return contact.mayContact(send.channel().consentChannel(), purpose)
                && send.inWindow(asOf.atZone(ContactMessages.zoneOf(contact, defaultZone))
                        .toLocalTime())
                && send.channel().addressIn(contact.contactPoints()).isPresent();
    }

    /**
     * Schedules the messages of one page's due contacts whose id lies in {@code (from, to]}, in a transaction that
     * holds the campaign's lock, within what is left of the hour's limit.
     */
    private int schedule(
            CampaignSend send,
            Campaign campaign,
            List<Contact> due,
            ContactId from,
            ContactId to,
            Instant hour,
            Instant asOf) {
        runtime.outbox().lock(RecordRef.campaign(send.campaign()));
        CampaignSend current = store.findSend(send.tenant(), send.campaign()).orElseThrow();
        int room = current.roomIn(hour);
        Set<UUID> reached = recipientsBetween(send, from, to);
        int scheduled = 0;
        for (Contact contact : due) {
            if (scheduled >= room) {
                break;
            }
            String address = send.channel().addressIn(contact.contactPoints()).orElseThrow();
            if (reached.contains(contact.id().value())
                    || store.isBounced(send.tenant(), send.channel(), bounceKey(send.channel(), address))) {
                continue;
            }
            String token = newToken();
            boolean added = runtime.outbox()
                    .schedule(
                            CampaignSends.NAME,
                            new PlannedAction(
                                    deduplicationKey(send, contact.id()),
                                    "campaign:" + send.campaign(),
                                    message(send, campaign, contact, address, token, asOf),
                                    asOf));
            // false when another node planned the contact at the same moment: its transaction stores the recipient
            if (added) {
                store.addRecipient(CampaignRecipient.scheduled(
                        send.tenant(), send.campaign(), contact.id(), send.channel(), address, token, asOf));
                scheduled++;
            }
        }
        if (scheduled > 0) {
            store.updateSend(current.withScheduled(hour, scheduled));
        }
        return scheduled;
    }

    /** The contacts in {@code (from, to]} that have a message of the campaign already. */
    private Set<UUID> recipientsBetween(CampaignSend send, ContactId from, ContactId to) {
        Set<UUID> reached = new HashSet<>();
        TenantId tenant = send.tenant();
        ContactId cursor = from;
        while (true) {
            List<CampaignRecipient> page = store.recipients(tenant, send.campaign(), cursor, PAGE);
            for (CampaignRecipient recipient : page) {
                if (recipient.contact().value().compareTo(to.value()) > 0) {
                    return reached;
                }
                reached.add(recipient.contact().value());
            }
            if (page.size() < PAGE) {
                return reached;
            }
            cursor = page.get(page.size() - 1).contact();
        }
    }

    private Message message(
            CampaignSend send, Campaign campaign, Contact contact, String address, String token, Instant asOf) {
        Locale language = ContactMessages.languageOf(contact, defaultLanguage);
        Map<String, String> values = ContactMessages.personalValues(contact);
        values.putAll(linkValues(token));
        values.put("language", language.toLanguageTag());
        values.put("campaign", campaign.name());
        LocalDate day =
                asOf.atZone(ContactMessages.zoneOf(contact, defaultZone)).toLocalDate();
        Optional<OfferChoice> offer = ContactMessages.chooseOffer(crm, contact, occasion(send), day, values);
        RenderedMessage text = templates.render(send.template(), language, values);
        return new Message(
                send.channel(),
                address,
                contact.name().fullName(),
                text.subject(),
                text.body(),
                text.language(),
                RecordRef.contact(contact.id()),
                offer.orElse(null));
    }

    /** The occasion the offer rules are asked about: {@code campaign-<template>}. */
    static String occasion(CampaignSend send) {
        return "campaign-" + send.template();
    }

    /**
     * Refuses a template whose message would not carry the unsubscribe token, found by rendering it once in the
     * default language with sample values (field {@code template}).
     */
    void requireUnsubscribeLink(CampaignSend send, String campaignName) {
        Map<String, String> values = new HashMap<>(linkValues(SAMPLE_TOKEN));
        values.putAll(Map.of(
                "firstName", "Ann",
                "lastName", "Example",
                "fullName", "Ann Example",
                "salutation", "Ms",
                "language", defaultLanguage.toLanguageTag(),
                "campaign", campaignName));
        values.putAll(Map.of(
                "offer", "\n\nSample offer: SAMPLE",
                "offerCode", "SAMPLE",
                "offerText", "Sample offer",
                "offerValidUntil", "2000-01-01"));
        String body = templates.render(send.template(), defaultLanguage, values).body();
        Require.that(
                body.contains(SAMPLE_TOKEN),
                "template",
                "must show {unsubscribeLink} or {unsubscribeToken}: every campaign message carries its unsubscribe token");
    }

    /** The values {@code unsubscribeToken} and {@code unsubscribeLink} (the configured link and the token). */
    Map<String, String> linkValues(String token) {
        return Map.of("unsubscribeToken", token, "unsubscribeLink", unsubscribeLink + token);
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        TOKENS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
