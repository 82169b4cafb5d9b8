package org.crmkit.core.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A prospective customer not yet qualified: a person and/or company captured from a source, with campaign and UTM
 * attribution, worked by an owner, scored, and finally qualified and converted, or disqualified with a reason.
 *
 * <p>Status flow: {@code NEW → WORKING → QUALIFIED → CONVERTED}; a lead may be qualified straight from NEW, and
 * disqualified from any status before conversion. A converted lead keeps the ids of what it became and cannot be
 * converted again. The lead keeps its last {@link LeadScore} (points, the explanation line by line, the qualification
 * level reached and the last engagement the decay counted from) and, when an assignment rule gave it its owner, the
 * {@link LeadAssignment} that says which rule. Not thread-safe.
 */
public final class Lead extends AggregateRoot<LeadId> {

    private final LeadDetails details;
    private final LeadSource source;
    private final CampaignId campaign;
    private final UtmAttribution utm;
    private final Instant capturedAt;
    private LeadStatus status;
    private String disqualificationReason;
    private UserId owner;
    private int score;
    private List<ScoreContribution> scoreBreakdown;
    private QualificationLevel qualification;
    private Instant scoredAt;
    private Instant lastEngagementAt;
    private LeadAssignment assignment;
    private LeadConversion conversion;

    private Lead(LeadState s) {
        super(s.tenant(), s.id(), s.version());
        this.details = s.details();
        this.source = s.source();
        this.campaign = s.campaign();
        this.utm = s.utm();
        this.capturedAt = s.capturedAt();
        this.status = s.status();
        this.disqualificationReason = s.disqualificationReason();
        this.owner = s.owner();
        this.score = s.score();
        this.scoreBreakdown = s.scoreBreakdown();
        this.qualification = s.qualification();
        this.scoredAt = s.scoredAt();
        this.lastEngagementAt = s.lastEngagementAt();
        this.assignment = s.assignment();
        this.conversion = s.conversion();
    }

    /**
     * A new lead in status NEW, without owner and with score 0. {@code campaign} may be null, {@code utm} null means
     * {@link UtmAttribution#NONE}. Records {@link LeadCaptured}.
     */
    public static Lead capture(
            TenantId tenant,
            LeadId id,
            LeadDetails details,
            LeadSource source,
            CampaignId campaign,
            UtmAttribution utm,
            Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(details, "details");
        Require.notNull(source, "source");
        UtmAttribution attribution = utm == null ? UtmAttribution.NONE : utm;
        Lead lead = new Lead(new LeadState(
                tenant,
                id,
                0,
                details,
                source,
                campaign,
                attribution,
                LeadStatus.NEW,
                null,
                null,
                0,
                List.of(),
                QualificationLevel.UNQUALIFIED,
                null,
                null,
                null,
                clock.instant(),
                null));
        lead.record(new LeadCaptured(tenant, id.value(), lead.capturedAt, details, source, campaign, attribution));
        return lead;
    }

    /** Restores a lead exactly as it was stored. */
    public static Lead restore(LeadState state) {
        return new Lead(Require.notNull(state, "state"));
    }

    public LeadState state() {
        return new LeadState(
                tenant(),
                id(),
                version(),
                details,
                source,
                campaign,
                utm,
                status,
                disqualificationReason,
                owner,
                score,
                scoreBreakdown,
                qualification,
                scoredAt,
                lastEngagementAt,
                assignment,
                capturedAt,
                conversion);
    }

    /** NEW → WORKING: someone has started on the lead. */
    public void startWorking(Clock clock) {
        changeStatus(LeadStatus.WORKING, null, clock, LeadStatus.NEW);
    }

    /** NEW or WORKING → QUALIFIED: worth converting. */
    public void qualify(Clock clock) {
        changeStatus(LeadStatus.QUALIFIED, null, clock, LeadStatus.NEW, LeadStatus.WORKING);
    }

    /** Any status before conversion → DISQUALIFIED, with a reason (e.g. "no budget", "competitor", "spam"). */
    public void disqualify(String reason, Clock clock) {
        String checked = Require.maxLength(Require.notBlank(reason, "reason"), 200, "reason");
        changeStatus(LeadStatus.DISQUALIFIED, checked, clock, LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED);
        disqualificationReason = checked;
    }

    private void changeStatus(LeadStatus to, String reason, Clock clock, LeadStatus... allowedFrom) {
        boolean allowed = false;
        for (LeadStatus from : allowedFrom) {
            allowed |= status == from;
        }
        if (!allowed) {
            throw new IllegalTransitionException("Lead " + id(), status, to);
        }
        LeadStatus from = status;
        status = to;
        record(new LeadStatusChanged(tenant(), id().value(), clock.instant(), from, to, reason));
    }

    /**
     * Refuses, with an {@link IllegalTransitionException}, to be converted now: a lead is converted only when
     * QUALIFIED, so never twice. A conversion asks before it creates the records the lead becomes.
     */
    public void checkConvertible() {
        if (status != LeadStatus.QUALIFIED) {
            throw new IllegalTransitionException("Lead " + id(), status, LeadStatus.CONVERTED);
        }
    }

    /**
     * What converting this lead may duplicate: contacts when the conversion creates the contact
     * ({@code createsContact}), accounts and other open leads of the same company name when it creates the account
     * ({@code createsAccount}), and other open leads with the same email or phone; listed as
     * {@link DuplicateMatch#forNewLead} lists them.
     */
    public List<DuplicateMatch> possibleDuplicatesOnConversion(
            boolean createsContact, boolean createsAccount, DuplicateCandidates candidates) {
        return DuplicateMatch.forConversion(this, createsContact, createsAccount, candidates);
    }

    /**
     * Records that the qualified lead became {@code contact} at {@code account}, and {@code opportunity} (may be
     * null). Refuses a lead that is not QUALIFIED ({@link #checkConvertible}). Records {@link LeadConverted}.
     */
    public void recordConversion(ContactId contact, AccountId account, OpportunityId opportunity, Clock clock) {
        Require.notNull(contact, "contact");
        Require.notNull(account, "account");
        checkConvertible();
        LeadConversion done = new LeadConversion(contact, account, opportunity, clock.instant());
        changeStatus(LeadStatus.CONVERTED, null, clock, LeadStatus.QUALIFIED);
        conversion = done;
        record(new LeadConverted(tenant(), id().value(), done.convertedAt(), done));
    }

    /**
     * Gives the lead to an owner by hand (clearing a rule's assignment record); refused once converted or
     * disqualified. Records {@link LeadAssigned}.
     */
    public void assignTo(UserId newOwner, Clock clock) {
        Require.notNull(newOwner, "owner");
        requireActive("assign");
        assignment = null;
        changeOwner(newOwner, clock);
    }

    /** Gives the lead to the owner an assignment rule chose, keeping the decision. Records {@link LeadAssigned}. */
    public void assignByRule(String rule, UserId newOwner, String reason, Clock clock) {
        requireActive("assign");
        assignment = new LeadAssignment(rule, newOwner, reason, clock.instant());
        changeOwner(newOwner, clock);
    }

    private void changeOwner(UserId newOwner, Clock clock) {
        if (newOwner.equals(owner)) {
            return;
        }
        UserId previous = owner;
        owner = newOwner;
        record(new LeadAssigned(tenant(), id().value(), clock.instant(), previous, newOwner));
    }

    /**
     * Takes a computed score with its explanation; refused once converted or disqualified. Records
     * {@link LeadScored} when the points change and {@link LeadQualificationChanged} when the level does.
     */
    public void rescore(LeadScore newScore, Clock clock) {
        Require.notNull(newScore, "score");
        requireActive("score");
        int previous = score;
        QualificationLevel previousLevel = qualification;
        score = newScore.points();
        scoreBreakdown = newScore.contributions();
        qualification = newScore.level();
        lastEngagementAt = newScore.lastEngagementAt();
        scoredAt = clock.instant();
        if (previous != score) {
            record(new LeadScored(tenant(), id().value(), scoredAt, previous, score));
        }
        if (previousLevel != qualification) {
            record(new LeadQualificationChanged(tenant(), id().value(), scoredAt, previousLevel, qualification, score));
        }
    }

    private void requireActive(String action) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Lead " + id() + " is " + status + "; cannot " + action + " it");
        }
    }

    public LeadDetails details() {
        return details;
    }

    public LeadSource source() {
        return source;
    }

    /** The campaign the lead is attributed to, or null. */
    public CampaignId campaign() {
        return campaign;
    }

    public UtmAttribution utm() {
        return utm;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public LeadStatus status() {
        return status;
    }

    /** Whether the lead is still being worked: neither converted nor disqualified. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** Why the lead was disqualified, or null. */
    public String disqualificationReason() {
        return disqualificationReason;
    }

    /** The owner, or null while unassigned. */
    public UserId owner() {
        return owner;
    }

    public int score() {
        return score;
    }

    /** Why the lead has its score: every contribution in rule order (empty before the first scoring). */
    public List<ScoreContribution> scoreBreakdown() {
        return scoreBreakdown;
    }

    /** The qualification level the score reached. */
    public QualificationLevel qualification() {
        return qualification;
    }

    /** The last engagement the score's decay counted from, or null. */
    public Instant lastEngagementAt() {
        return lastEngagementAt;
    }

    /** The rule decision that gave the lead its owner, or null (unassigned or assigned by hand). */
    public LeadAssignment assignment() {
        return assignment;
    }

    /** When the score was last set, or null. */
    public Instant scoredAt() {
        return scoredAt;
    }

    /** What the lead was converted into, or null. */
    public LeadConversion conversion() {
        return conversion;
    }
}
