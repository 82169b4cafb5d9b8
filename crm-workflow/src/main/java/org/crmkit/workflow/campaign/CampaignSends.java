package org.crmkit.workflow.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.workflow.NotConfiguredException;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;

/**
 * Sends campaigns on the shared workflow runtime: {@link #start} says how a campaign is sent (see
 * {@link CampaignSend}), and every planning run ({@code runtime.runDue}) schedules the messages that are due, while
 * the campaign is ACTIVE.
 *
 * <p>Who receives a message: a contact of the send's segment as it stands at the run, with consent for the channel
 * and the configured purpose (marketing by default), an address for the channel that has not bounced hard, and the
 * local time (the contact's time zone, else the default zone) in the send window; at most the send's hourly limit
 * per clock hour, each contact once per campaign (deduplication key {@code campaign:<campaign>:<contact>}), also
 * with several nodes planning at once. The message is the send's template rendered in the contact's language with
 * the values {@code firstName}, {@code lastName}, {@code fullName}, {@code salutation}, {@code language},
 * {@code campaign} (its name), {@code unsubscribeToken} and {@code unsubscribeLink} (the configured link followed by
 * the token), and the offer the tenant's offer rules choose for the occasion {@code campaign-<template>} (values
 * {@code offer}, {@code offerCode}, {@code offerText}, {@code offerValidUntil}; the choice is recorded on the message);
 * every message carries its recipient's random unsubscribe token, kept with the recipient.
 *
 * <p>The host's web layer calls {@link #unsubscribe}, {@link #confirmOptIn} and {@link #recordResponse} with the
 * token from a link; its mail or SMS gateway calls {@link #reportHardBounce}. Delivered messages are logged on the
 * contact's timeline, and so are responses and opt-in confirmations. Thread-safe.
 */
public final class CampaignSends implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "campaigns";

    /** The template of the double opt-in confirmation ({@link LocalizedTemplates#defaults()} has it). */
    public static final String CONFIRMATION_TEMPLATE = "campaign-confirmation";

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final Clock clock;
    private final CampaignSendStore store;
    private final SendPlanning planning;
    private final OptIns optIns;
    private final Replies replies;
    private final Attribution attribution;

    private CampaignSends(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = builder.runtime.crm();
        this.clock = crm.clock();
        this.store = Require.notNull(builder.store, "store");
        this.planning = new SendPlanning(
                runtime,
                store,
                builder.templates,
                builder.defaultLanguage,
                builder.defaultZone,
                builder.purpose,
                builder.unsubscribeLink);
        this.replies = new Replies(runtime, store, builder.purpose);
        this.attribution = new Attribution(crm, store);
        this.optIns = builder.optInSecret == null
                ? null
                : new OptIns(
                        runtime,
                        new OptInTokens(builder.optInSecret),
                        builder.templates,
                        builder.defaultLanguage,
                        builder.purpose,
                        builder.confirmationLink,
                        builder.optInValidity);
    }

    /** Starts configuring campaign sends on the runtime; {@link Builder#build()} registers them with it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Says how the campaign is sent and returns the stored send; its messages go out from the next planning run on,
     * while the campaign is ACTIVE. The campaign and the segment must exist for the acting user ({@link
     * RecordNotFoundException}) and the user must be allowed to change the campaign ({@code AccessDeniedException}
     * under a sharing model that restricts campaigns), and
     * the segment must select contacts ({@link InvalidValueException}, field {@code segment}); the template must show the unsubscribe link or token (checked by rendering
     * it in the default language; {@link InvalidValueException}, field {@code template}); the window end must come
     * after its start; a campaign is started once ({@code DuplicateRecordException}).
     */
    public CampaignSend start(
            CampaignId campaign,
            SegmentId segment,
            Channel channel,
            String template,
            int perHour,
            LocalTime windowStart,
            LocalTime windowEnd) {
        Require.notNull(campaign, "campaign");
        Campaign found = crm.campaigns().changeableCampaign(campaign);
        Segment audience = crm.segments().segment(Require.notNull(segment, "segment"));
        Require.that(
                audience.audience() == SegmentAudience.CONTACTS,
                "segment",
                "must select contacts: segment " + segment + " selects " + audience.audience());
        CampaignSend send = CampaignSend.of(
                runtime.tenant(),
                campaign,
                segment,
                channel,
                template,
                perHour,
                windowStart,
                windowEnd,
                clock.instant());
        planning.requireUnsubscribeLink(send, found.name());
        return runtime.inTransactionRetryingCollisions("start of campaign " + campaign, () -> store.addSend(send));
    }

    /** The send of the campaign, if it was started. */
    public Optional<CampaignSend> send(CampaignId campaign) {
        return store.findSend(runtime.tenant(), Require.notNull(campaign, "campaign"));
    }

    /** Plans every started campaign's due messages as of {@code asOf}; returns how many it scheduled. */
    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        int planned = 0;
        for (CampaignSend send : store.sends(runtime.tenant())) {
            planned += planning.plan(send, asOf);
        }
        return planned;
    }

    /**
     * Withdraws the consent the message's token stands for (its channel, the configured purpose; source
     * {@code unsubscribe campaign <id>}) and marks the recipient UNSUBSCRIBED; returns the recipient. Calling it
     * again changes nothing. An unknown token is refused ({@link InvalidValueException}, field {@code token}).
     */
    public CampaignRecipient unsubscribe(String token) {
        return replies.unsubscribe(Require.notBlank(token, "token"));
    }

    /**
     * Records the host's report that the address bounced hard on the channel: no campaign sends to it again (until
     * the contact's address changes to another one). E-mail addresses match whatever their letters' case; a
     * malformed one is refused ({@link InvalidValueException}, field {@code email}). Reporting it again changes
     * nothing.
     */
    public void reportHardBounce(Channel channel, String address) {
        Require.notNull(channel, "channel");
        Require.notBlank(address, "address");
        runtime.inTransactionRetryingCollisions("hard bounce", () -> {
            store.addBounce(runtime.tenant(), channel, SendPlanning.bounceKey(channel, address));
            return null;
        });
    }

    /**
     * Records a response to the message of the token on its recipient (one row; concurrent responses take turns)
     * and on the contact's timeline; returns the recipient. An unknown token is refused (field {@code token}).
     */
    public CampaignRecipient recordResponse(String token, ResponseKind kind) {
        return replies.recordResponse(Require.notBlank(token, "token"), Require.notNull(kind, "kind"));
    }

    /** A keyset page of the campaign's recipients by contact id, after {@code after} (from the first when null). */
    public List<CampaignRecipient> recipients(CampaignId campaign, ContactId after, int limit) {
        return store.recipients(runtime.tenant(), Require.notNull(campaign, "campaign"), after, limit);
    }

    /** The contact's campaign messages, by campaign id: the touches attribution counts. */
    public List<CampaignRecipient> recipientsOf(ContactId contact) {
        return store.recipientsOf(runtime.tenant(), Require.notNull(contact, "contact"));
    }

    /**
     * What each campaign brought against its cost: the conversions are credited to the campaigns whose messages or
     * responses touched the converting contact within {@code window} before the conversion, as the model says (see
     * {@link AttributionModel}); a conversion without touches is credited to none. One return per started campaign
     * and per campaign credited, by campaign id, in the campaign's currency (conversions in another currency are
     * refused with a {@code CurrencyMismatchException}).
     */
    public List<CampaignReturn> returns(List<Conversion> conversions, AttributionModel model, Duration window) {
        Require.noNulls(conversions, "conversions");
        Require.notNull(model, "model");
        Require.notNull(window, "window");
        Require.that(!window.isNegative(), "window", "must not be negative, was " + window);
        return attribution.returns(runtime.tenant(), conversions, model, window);
    }

    /**
     * Double opt-in for e-mail: schedules the confirmation e-mail ({@link #CONFIRMATION_TEMPLATE}, values
     * {@code fullName}, {@code campaign}, {@code confirmationLink}, {@code validDays}) to the contact's primary
     * e-mail, once per campaign and contact; returns whether it was scheduled now (not when it was before, or the
     * contact has e-mail consent for the purpose already). Needs {@link Builder#doubleOptIn}
     * ({@code NotConfiguredException} otherwise); a contact without e-mail is refused (field {@code contact}).
     */
    public boolean requestOptIn(CampaignId campaign, ContactId contact) {
        return optIns().request(
                        crm.campaigns()
                                .findCampaign(Require.notNull(campaign, "campaign"))
                                .orElseThrow(() -> new RecordNotFoundException("Campaign", campaign)),
                        Require.notNull(contact, "contact"));
    }

    /**
     * Confirms a double opt-in from the link's token: grants the contact's e-mail consent for the purpose (source
     * {@code double opt-in campaign <id>}) and logs the confirmation with the address on the timeline, the evidence
     * kept; returns the contact. A token that is malformed, forged, expired or for an address the contact no longer
     * has is refused ({@link InvalidValueException}, field {@code token}).
     */
    public Contact confirmOptIn(String token) {
        return optIns().confirm(Require.notBlank(token, "token"));
    }

    private OptIns optIns() {
        if (optIns == null) {
            throw new NotConfiguredException(
                    "double opt-in needs a secret: CampaignSends.builder(...).doubleOptIn(secret, link, validity)");
        }
        return optIns;
    }

    /** Logs the delivered message on the contact's timeline, in the transaction that marks it delivered. */
    @Override
    public void onDelivered(Action action) {
        ContactMessages.logOnTimeline(crm, action);
    }

    /** Configures {@link CampaignSends}. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private CampaignSendStore store;
        private TemplateRenderer templates = LocalizedTemplates.defaults();
        private Locale defaultLanguage = Locale.ENGLISH;
        private ZoneId defaultZone = ZoneOffset.UTC;
        private ConsentPurpose purpose = ConsentPurpose.MARKETING;
        private String unsubscribeLink = "";
        private byte[] optInSecret;
        private String confirmationLink;
        private Duration optInValidity;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** Where sends and recipients are kept (required), e.g. {@code JpaCampaignSendStore.create(storage)}. */
        public Builder store(CampaignSendStore store) {
            this.store = Require.notNull(store, "store");
            return this;
        }

        /** The templates of campaign messages and of the confirmation; {@link LocalizedTemplates#defaults()} by default. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** The language of contacts who have none; English by default. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = Require.notNull(language, "defaultLanguage");
            return this;
        }

        /** The time zone of contacts who have none; UTC by default. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Require.notNull(zone, "defaultZone");
            return this;
        }

        /** The purpose recipients must have consented to; marketing by default. */
        public Builder purpose(ConsentPurpose purpose) {
            this.purpose = Require.notNull(purpose, "purpose");
            return this;
        }

        /**
         * The start of the unsubscribe link, to which the token is appended (e.g.
         * {@code https://shop.example/unsubscribe?token=}); empty by default, so that {@code unsubscribeLink} is the
         * token alone.
         */
        public Builder unsubscribeLink(String linkStart) {
            this.unsubscribeLink = Require.notBlank(linkStart, "unsubscribeLink");
            return this;
        }

        /**
         * Enables double opt-in: confirmation tokens are signed with {@code secret} (at least 32 bytes, the same on
         * every node), the link is {@code linkStart} followed by the token, and a token expires after
         * {@code validity} (whole days, at least one).
         */
        public Builder doubleOptIn(byte[] secret, String linkStart, Duration validity) {
            Require.notNull(secret, "secret");
            Require.that(secret.length >= 32, "secret", "must have at least 32 bytes, had " + secret.length);
            Require.notNull(validity, "validity");
            Require.that(
                    validity.toDays() >= 1 && validity.equals(Duration.ofDays(validity.toDays())),
                    "validity",
                    "must be whole days, at least one; was " + validity);
            this.optInSecret = secret.clone();
            this.confirmationLink = Require.notBlank(linkStart, "linkStart");
            this.optInValidity = validity;
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public CampaignSends build() {
            CampaignSends sends = new CampaignSends(this);
            runtime.register(sends);
            return sends;
        }
    }
}
