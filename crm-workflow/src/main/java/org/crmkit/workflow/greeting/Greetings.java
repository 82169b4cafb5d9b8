package org.crmkit.workflow.greeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.calendar.StatutoryHolidays;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.LeapDayPolicy;
import org.crmkit.core.party.Occasion;
import org.crmkit.core.spi.HolidayCalendar;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;

/**
 * Sends customers greetings on their birthdays, on the anniversaries of the day they became customers and on
 * holidays of their country, on the shared workflow runtime.
 *
 * <p>A greeting goes out on the occasion's day at the chosen local time in the contact's time zone (or at the
 * first run after it that is still the same day there), only with the contact's consent for the channel and
 * purpose (marketing by default) and an address for the channel, never twice for the same person, occasion and
 * year (deduplication key {@code greeting:<contact>:<occasion>:<year>}). Its text comes from the template renderer
 * in the contact's preferred language: templates {@code birthday-greeting}, {@code customer-anniversary-greeting}
 * and {@code holiday-greeting}, with the values {@code firstName}, {@code lastName}, {@code fullName},
 * {@code salutation}, {@code language}, {@code tags}, {@code years} (age or years as a customer), {@code holiday}
 * (its English name), {@code holidayKey} (the holiday's key with underscores for dashes, e.g.
 * {@code spring_festival}, for an ICU {@code select}) and the offer's values, those a contact lacks being absent
 * (the default templates let {@code firstName}, {@code offerCode} and {@code offer} be absent; {@code PlainTemplates}
 * use defaults such as {@code {{firstName|}}}). Every sent greeting is logged on the contact's timeline.
 *
 * <p>The offer of a greeting is chosen by the tenant's offer rules ({@code crm.offers()}) for the occasion
 * ({@code birthday}, {@code customer-anniversary} or {@code holiday-<key>}) on its day: the values
 * {@code offerCode}, {@code offerText}, {@code offerValidUntil} and {@code offer} (see
 * {@link ContactMessages#chooseOffer}), and the choice with its deciding rule is recorded on the message. When no
 * rule makes an offer, the host's {@link OfferCodes} are asked, as before offer rules existed: their code is
 * {@code offerCode} and {@code offer}.
 *
 * <p>Who is born on 29 February is greeted as the {@link LeapDayPolicy} says. Holiday greetings go to the members
 * of one segment whose primary postal address lies in a country that has the holiday (substitute days are not
 * occasions). Thread-safe.
 */
public final class Greetings implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "greetings";

    private final Crm crm;
    private final GreetingMessages messages;
    private final LocalTime sendAt;
    private final ZoneId defaultZone;
    private final LeapDayPolicy leapDayPolicy;
    private final Set<Occasion> occasions;
    private final HolidayCalendar holidays;
    private final Set<String> holidayKeys;
    private final SegmentId holidayAudience;
    private final GreetingScheduler scheduler;

    private Greetings(Builder builder) {
        this.crm = builder.runtime.crm();
        this.messages = new GreetingMessages(
                crm, builder.templates, builder.defaultLanguage, builder.channel, builder.purpose, builder.offerCodes);
        this.sendAt = builder.sendAt;
        this.defaultZone = builder.defaultZone;
        this.leapDayPolicy = builder.leapDayPolicy;
        this.occasions = Set.copyOf(builder.occasions);
        this.holidays = builder.holidays;
        this.holidayKeys = Set.copyOf(builder.holidayKeys);
        this.holidayAudience = builder.holidayAudience;
        this.scheduler = new GreetingScheduler(builder.runtime, messages);
    }

    /** Starts configuring greetings on the runtime; {@link Builder#build()} registers them with it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    /**
     * crmkit's default templates ({@link LocalizedTemplates#defaults()}): the three greetings in English, German,
     * Polish, Russian, Finnish and Chinese, with each language's plural forms of {@code years} and the holiday
     * named in the contact's language by {@code holidayKey}.
     */
    public static TemplateRenderer defaultTemplates() {
        return LocalizedTemplates.defaults();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Plans the greetings whose local send time has come by {@code asOf} on a day that is still the occasion's day
     * in the contact's time zone.
     */
    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        LocalDate utcDay = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        int planned = 0;
        // Time zones run from UTC-12 to UTC+14: the occasion's day is today, yesterday or tomorrow in UTC.
        for (LocalDate day = utcDay.minusDays(1); !day.isAfter(utcDay.plusDays(1)); day = day.plusDays(1)) {
            planned += planPersonalOccasions(day, asOf);
            planned += planHolidays(day, asOf);
        }
        return planned;
    }

    private int planPersonalOccasions(LocalDate day, Instant asOf) {
        int planned = 0;
        for (Occasion occasion : occasions) {
            for (MonthDay monthDay : leapDayPolicy.celebratedOn(day)) {
                planned += scheduler.planPageByPage(
                        page -> crm.parties().contactsWithOccasionOn(occasion, monthDay, page),
                        contact -> occasion.yearsOn(contact, day, leapDayPolicy)
                                .flatMap(years -> dueGreeting(
                                        contact,
                                        occasionKey(occasion),
                                        templateOf(occasion),
                                        day,
                                        asOf,
                                        Map.of("years", Integer.toString(years)))));
            }
        }
        return planned;
    }

    private int planHolidays(LocalDate day, Instant asOf) {
        if (holidayAudience == null || holidayKeys.isEmpty()) {
            return 0;
        }
        Map<CountryCode, Holiday> greeted = new LinkedHashMap<>();
        for (CountryCode country : holidays.countries()) {
            holidays.holidays(country, day.getYear()).stream()
                    .filter(holiday ->
                            holiday.date().equals(day) && !holiday.substitute() && holidayKeys.contains(holiday.key()))
                    .findFirst()
                    .ifPresent(holiday -> greeted.put(country, holiday));
        }
        if (greeted.isEmpty()) {
            return 0;
        }
        return scheduler.planSegment(
                holidayAudience,
                contact -> contact.contactPoints()
                        .primaryAddress()
                        .map(address -> greeted.get(address.country()))
                        .flatMap(holiday -> dueGreeting(
                                contact,
                                "holiday-" + holiday.key(),
                                "holiday-greeting",
                                day,
                                asOf,
                                Map.of(
                                        "holiday",
                                        holiday.name(),
                                        "holidayKey",
                                        holiday.key().replace('-', '_')))));
    }

    /** The greeting, if its local time has come by {@code asOf} on a day that is still its day for the candidate. */
    private Optional<DueGreeting> dueGreeting(
            Contact candidate,
            String occasion,
            String template,
            LocalDate day,
            Instant asOf,
            Map<String, String> extra) {
        ZoneId zone = ContactMessages.zoneOf(candidate, defaultZone);
        Instant due = ZonedDateTime.of(day, sendAt, zone).toInstant();
        if (due.isAfter(asOf) || !asOf.atZone(zone).toLocalDate().equals(day) || !messages.mayGreet(candidate)) {
            return Optional.empty();
        }
        return Optional.of(new DueGreeting(
                candidate.id(),
                "greeting:" + candidate.id() + ":" + occasion + ":" + day.getYear(),
                occasion,
                template,
                day,
                due,
                extra));
    }

    /** Logs the sent greeting on the contact's timeline, in the transaction that marks it delivered. */
    @Override
    public void onDelivered(Action action) {
        ContactMessages.logOnTimeline(crm, action);
    }

    private static String occasionKey(Occasion occasion) {
        return occasion == Occasion.BIRTHDAY ? "birthday" : "customer-anniversary";
    }

    private static String templateOf(Occasion occasion) {
        return occasionKey(occasion) + "-greeting";
    }

    /** Configures {@link Greetings}. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private TemplateRenderer templates = defaultTemplates();
        private LocalTime sendAt = LocalTime.of(9, 0);
        private ZoneId defaultZone = ZoneOffset.UTC;
        private Locale defaultLanguage = Locale.ENGLISH;
        private Channel channel = Channel.EMAIL;
        private ConsentPurpose purpose = ConsentPurpose.MARKETING;
        private LeapDayPolicy leapDayPolicy = LeapDayPolicy.FEBRUARY_28;
        private final Set<Occasion> occasions = EnumSet.of(Occasion.BIRTHDAY);
        private HolidayCalendar holidays = StatutoryHolidays.builtIn();
        private Set<String> holidayKeys = Set.of();
        private SegmentId holidayAudience;
        private OfferCodes offerCodes = OfferCodes.NONE;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** The greeting templates; {@link #defaultTemplates()} by default. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** The local time greetings go out at; 09:00 by default. */
        public Builder sendAt(LocalTime sendAt) {
            this.sendAt = Require.notNull(sendAt, "sendAt");
            return this;
        }

        /** The time zone of contacts who have none; UTC by default. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Require.notNull(zone, "defaultZone");
            return this;
        }

        /** The language of contacts who have no preferred one; English by default. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = Require.notNull(language, "defaultLanguage");
            return this;
        }

        /** The channel greetings go out on (and whose consent they need); email by default. */
        public Builder channel(Channel channel) {
            this.channel = Require.notNull(channel, "channel");
            return this;
        }

        /** The purpose the contact must have consented to; marketing by default. */
        public Builder purpose(ConsentPurpose purpose) {
            this.purpose = Require.notNull(purpose, "purpose");
            return this;
        }

        /** When people born on 29 February are greeted in common years; {@link LeapDayPolicy#FEBRUARY_28} by default. */
        public Builder leapDayPolicy(LeapDayPolicy policy) {
            this.leapDayPolicy = Require.notNull(policy, "leapDayPolicy");
            return this;
        }

        /** Whether birthdays are greeted; yes by default. */
        public Builder birthdays(boolean greeted) {
            return occasion(Occasion.BIRTHDAY, greeted);
        }

        /** Whether the anniversaries of becoming a customer are greeted; no by default. */
        public Builder customerAnniversaries(boolean greeted) {
            return occasion(Occasion.CUSTOMER_ANNIVERSARY, greeted);
        }

        /**
         * Greets the contacts of the segment on the holidays with the given keys (e.g. {@code christmas-day},
         * {@code new-years-day}) in their country, per the holiday calendar.
         */
        public Builder holidays(SegmentId audience, String... holidayKeys) {
            this.holidayAudience = Require.notNull(audience, "audience");
            Require.that(holidayKeys.length > 0, "holidayKeys", "must name at least one holiday");
            this.holidayKeys = Set.copyOf(Require.noNulls(List.of(holidayKeys), "holidayKeys"));
            return this;
        }

        /** The holiday calendar; {@link StatutoryHolidays#builtIn()} by default. */
        public Builder holidayCalendar(HolidayCalendar calendar) {
            this.holidays = Require.notNull(calendar, "holidayCalendar");
            return this;
        }

        /** Where offer codes come from; none by default. */
        public Builder offerCodes(OfferCodes offerCodes) {
            this.offerCodes = Require.notNull(offerCodes, "offerCodes");
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public Greetings build() {
            Greetings greetings = new Greetings(this);
            runtime.register(greetings);
            return greetings;
        }

        private Builder occasion(Occasion occasion, boolean greeted) {
            if (greeted) {
                occasions.add(occasion);
            } else {
                occasions.remove(occasion);
            }
            return this;
        }
    }
}
