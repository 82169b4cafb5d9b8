package org.crmkit.persistence.jpa;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewPayment;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.testkit.SettableClock;

/**
 * A random organisation made through crmkit's API as the system actor, for comparing the reader views of schema 32
 * with what the API shows each user: users of whom one is an administrator, one an inactive administrator and two
 * inactive salespeople; teams with and without leads whose leads are members of other teams, so that the manager
 * hierarchy has several levels, a lead that is a member of its own team, and a cycle (two users each leading a team
 * the other is a member of); territories with members; records of every type owned by active and inactive users,
 * leads without owners, and children with and without each parent; shares of every owned type with users and teams.
 */
final class ReaderWorld {

    /** The record types that have reader views. */
    enum Kind {
        CONTACT,
        ACCOUNT,
        LEAD,
        OPPORTUNITY,
        INVOICE,
        PAYMENT,
        CASE,
        TASK,
        ACTIVITY
    }

    private static final int USERS = 14;

    private final Crm crm;
    private final SettableClock clock;
    private final Random random;
    private final List<User> users = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<TerritoryId> territories = new ArrayList<>();
    private final Map<Kind, List<UUID>> ids = new EnumMap<>(Kind.class);

    private ReaderWorld(Crm crm, SettableClock clock, Random random) {
        this.crm = crm;
        this.clock = clock;
        this.random = random;
        for (Kind kind : Kind.values()) {
            ids.put(kind, new ArrayList<>());
        }
    }

    /** Builds the organisation and its records through {@code crm}, which must act as the system actor. */
    static ReaderWorld build(Crm crm, SettableClock clock, Random random) {
        ReaderWorld world = new ReaderWorld(crm, clock, random);
        world.organisation();
        world.ownedRecords();
        world.shares();
        world.childRecords();
        // inactive, after their records were made: an administrator, a member of the chain, a member of two teams
        for (int i : new int[] {1, 4, 12}) {
            world.users.set(i, crm.access().deactivateUser(world.users.get(i).id()));
        }
        return world;
    }

    /** The users as they are now. */
    List<User> users() {
        return users;
    }

    List<UUID> ids(Kind kind) {
        return ids.get(kind);
    }

    private void organisation() {
        for (int i = 0; i < USERS; i++) {
            Role role = i == 0 || i == 1 ? Role.ADMIN : i % 4 == 0 ? Role.MANAGER : Role.SALES;
            users.add(crm.access()
                    .registerUser("User " + i, EmailAddress.of("user" + i + "@readers.example"), List.of(role)));
        }
        // a chain of four levels: user 2 leads 3, who leads 4, who leads 5 (with 6), who leads 7 (with 8)
        team(2, 3);
        team(3, 4);
        team(4, 5, 6);
        team(5, 7, 8);
        // a lead that is a member of its own team, and a cycle between users 10 and 11
        team(9, 9, 10, 12);
        team(10, 11);
        team(11, 10, 13);
        // a team without a lead, and random teams
        team(-1, 6, 12, 13);
        for (int i = 0; i < 3; i++) {
            int lead = random.nextInt(USERS + 2) - 2;
            team(lead, random.nextInt(USERS), random.nextInt(USERS), random.nextInt(USERS));
        }
        for (int i = 0; i < 4; i++) {
            Territory territory =
                    crm.access().defineTerritory("Region " + i, i + 1, List.of(TerritoryRule.country("DE")));
            territories.add(territory.id());
            for (int member = 0; member < USERS; member++) {
                if (random.nextInt(4) == 0) {
                    crm.access()
                            .addTerritoryMember(
                                    territory.id(), users.get(member).id());
                }
            }
        }
    }

    /** A team led by user {@code lead} (none when negative) with the users {@code members}. */
    private void team(int lead, int... members) {
        Team team = crm.access()
                .createTeam(
                        "Team " + teams.size(),
                        lead < 0 ? null : users.get(lead).id());
        for (int member : members) {
            if (!crm.access().team(team.id()).hasMember(users.get(member).id())) {
                team = crm.access().addTeamMember(team.id(), users.get(member).id());
            }
        }
        teams.add(team);
    }

    private void ownedRecords() {
        for (int i = 0; i < 30; i++) {
            NewContact contact = NewContact.of(PersonName.of("Ann" + i, "Reader" + i), anyUser());
            ids(Kind.CONTACT)
                    .add(crm.parties()
                            .registerContact(random.nextBoolean() ? contact.withTerritory(anyTerritory()) : contact)
                            .id()
                            .value());
        }
        for (int i = 0; i < 20; i++) {
            NewAccount account = NewAccount.of("Account " + i, anyUser());
            ids(Kind.ACCOUNT)
                    .add(crm.parties()
                            .registerAccount(random.nextBoolean() ? account.withTerritory(anyTerritory()) : account)
                            .id()
                            .value());
        }
        for (int i = 0; i < 16; i++) {
            LeadId lead = crm.leads()
                    .captureAnyway(new NewLead(
                            new LeadDetails(
                                    null,
                                    "Prospect" + i,
                                    "Company " + i,
                                    null,
                                    EmailAddress.of("lead" + i + "@readers.example"),
                                    null,
                                    null,
                                    null,
                                    null,
                                    "Software",
                                    null),
                            LeadSource.of("web"),
                            null,
                            null))
                    .id();
            if (random.nextInt(3) > 0) {
                crm.leads().assign(lead, anyUser());
            }
            ids(Kind.LEAD).add(lead.value());
        }
        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        for (int i = 0; i < 14; i++) {
            ids(Kind.OPPORTUNITY)
                    .add(crm.sales()
                            .openOpportunity(NewOpportunity.of(
                                    "Deal " + i, anyAccount(), pipeline.id(), Money.currency("EUR"), anyUser()))
                            .id()
                            .value());
        }
    }

    private void shares() {
        List<Kind> owned = List.of(Kind.CONTACT, Kind.ACCOUNT, Kind.LEAD, Kind.OPPORTUNITY);
        for (int i = 0; i < 24; i++) {
            Kind kind = owned.get(i % owned.size());
            RecordRef record = ref(kind, any(ids(kind)));
            ShareAccess access = random.nextBoolean() ? ShareAccess.READ : ShareAccess.READ_WRITE;
            if (random.nextBoolean()) {
                crm.access()
                        .shareWithTeam(
                                record, teams.get(random.nextInt(teams.size())).id(), access);
            } else {
                crm.access().shareWithUser(record, anyUser(), access);
            }
        }
    }

    private void childRecords() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        for (int i = 0; i < 16; i++) {
            ids(Kind.INVOICE)
                    .add(crm.billing()
                            .issueInvoice(new NewInvoice(
                                    "R-" + i,
                                    anyAccount(),
                                    today.minusDays(20),
                                    today.plusDays(10),
                                    Money.currency("EUR"),
                                    List.of(InvoiceLine.of("Service", "1", Money.of("100.00", "EUR"), "19"))))
                            .id()
                            .value());
        }
        for (int i = 0; i < 10; i++) {
            ids(Kind.PAYMENT)
                    .add(crm.billing()
                            .recordPayment(new NewPayment(
                                    anyAccount(),
                                    Money.of("50.00", "EUR"),
                                    today,
                                    PaymentMethod.BANK_TRANSFER,
                                    "Remittance " + i,
                                    List.of()))
                            .id()
                            .value());
        }
        for (int i = 0; i < 18; i++) {
            int parents = random.nextInt(3);
            AccountId account = parents != 1 ? anyAccount() : null;
            ContactId contact = parents != 0 ? anyContact() : null;
            ServiceCase opened = crm.serviceDesk()
                    .openCase(NewCase.of(
                            account,
                            contact,
                            "Case " + i,
                            CaseChannel.EMAIL,
                            CaseCategory.of("delivery"),
                            CasePriority.HIGH));
            if (random.nextBoolean()) {
                crm.serviceDesk().assign(opened.id(), anyUser());
            }
            ids(Kind.CASE).add(opened.id().value());
        }
        Instant due = clock.instant().plus(Duration.ofDays(2));
        List<Kind> links = List.of(Kind.CONTACT, Kind.ACCOUNT, Kind.LEAD, Kind.OPPORTUNITY, Kind.CASE);
        for (int i = 0; i < 24; i++) {
            NewTask task = NewTask.of("Task " + i, due, anyUser());
            int link = random.nextInt(links.size() + 1);
            if (link < links.size()) {
                task = task.linkedTo(ref(links.get(link), any(ids(links.get(link)))));
            }
            ids(Kind.TASK).add(crm.activities().createTask(task).id().value());
        }
        for (int i = 0; i < 24; i++) {
            NewActivity activity = NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Call " + i, clock.instant());
            int first = random.nextInt(5);
            int subjects = 1 + random.nextInt(3);
            for (int s = 0; s < subjects; s++) {
                // subjects of different types, so that none is named twice
                activity = switch ((first + s) % 5) {
                    case 0 -> activity.aboutContact(anyContact());
                    case 1 -> activity.aboutAccount(anyAccount());
                    case 2 -> activity.regarding(ref(Kind.LEAD, any(ids(Kind.LEAD))));
                    case 3 -> activity.regarding(ref(Kind.OPPORTUNITY, any(ids(Kind.OPPORTUNITY))));
                    default -> activity.regarding(ref(Kind.CASE, any(ids(Kind.CASE))));
                };
            }
            ids(Kind.ACTIVITY).add(crm.activities().logActivity(activity).id().value());
        }
    }

    private static RecordRef ref(Kind kind, UUID id) {
        return switch (kind) {
            case CONTACT -> RecordRef.contact(ContactId.of(id));
            case ACCOUNT -> RecordRef.account(AccountId.of(id));
            case LEAD -> RecordRef.lead(LeadId.of(id));
            case OPPORTUNITY -> RecordRef.opportunity(OpportunityId.of(id));
            case CASE -> RecordRef.serviceCase(CaseId.of(id));
            default -> throw new IllegalArgumentException(kind + " is not a parent");
        };
    }

    private UserId anyUser() {
        return users.get(random.nextInt(users.size())).id();
    }

    private TerritoryId anyTerritory() {
        return territories.get(random.nextInt(territories.size()));
    }

    private AccountId anyAccount() {
        return AccountId.of(any(ids(Kind.ACCOUNT)));
    }

    private ContactId anyContact() {
        return ContactId.of(any(ids(Kind.CONTACT)));
    }

    private UUID any(List<UUID> from) {
        return from.get(random.nextInt(from.size()));
    }
}
