package org.crmkit.core.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.access.Role;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.Violation;

/**
 * A named rule an opportunity must meet to enter a stage. Gates are data: a {@link Stage} keeps a list of them,
 * storage keeps them with the pipeline, and a host configures and tests them like any other value. Each gate
 * answers a {@link ProposedMove} with the violations it finds (none when met); every violation has a stable code
 * (the constants below), a message naming the gate, and the field that is missing or wrong. Gates compose with
 * {@link AllOf}. Moving forward past several stages must meet the gates of every stage entered on the way.
 */
public sealed interface StageGate {

    /** A required standard field is empty. */
    String REQUIRED_FIELD = "gate.required-field";
    /** A required custom field is not set. */
    String REQUIRED_CUSTOM_FIELD = "gate.required-custom-field";
    /** No contact has the required buying role. */
    String CONTACT_ROLE = "gate.contact-role";
    /** The deal has no line item. */
    String LINE_ITEM = "gate.line-item";
    /** The amount is unknown, below the minimum or in another currency. */
    String MINIMUM_AMOUNT = "gate.minimum-amount";
    /** No activity of the required kind since the deal entered its current stage. */
    String ACTIVITY = "gate.activity";
    /** The move skips more stages than allowed. */
    String STAGE_SKIP = "gate.stage-skip";
    /** The required approval was not given. */
    String APPROVAL = "gate.approval";

    /** The gate's name as shown to people, unique within its stage by convention ("Decision maker known"). */
    String name();

    /** The gate's violations for the move, in a stable order; empty when the gate is met. */
    List<Violation> check(ProposedMove move);

    /** A standard field must be set. */
    static StageGate requires(DealField field) {
        Require.notNull(field, "field");
        return new RequiredField(field.field() + " required", field);
    }

    /** A custom field must be set. */
    static StageGate requiresCustomField(String customField) {
        return new RequiredCustomField(Require.notBlank(customField, "customField") + " required", customField);
    }

    /** Some contact must have the buying role in the deal. */
    static StageGate requiresContactRole(BuyingRole role) {
        Require.notNull(role, "role");
        return new RequiredContactRole(label(role.name()) + " known", role);
    }

    /** The deal must have at least one line item. */
    static StageGate requiresLineItem() {
        return new LineItemRequired("line item required");
    }

    /** The amount must be known and at least {@code minimum} (in the deal's currency). */
    static StageGate minimumAmount(Money minimum) {
        return new MinimumAmount("amount at least " + Require.notNull(minimum, "minimum"), minimum);
    }

    /** An activity of the kind must have been logged about the deal since it entered its current stage. */
    static StageGate requiresActivitySinceStageEntry(ActivityKind kind) {
        Require.notNull(kind, "kind");
        return new ActivitySinceStageEntry(label(kind.name()) + " since stage entry", kind);
    }

    /** Moving forward may skip at most {@code stages} stages (0: only the next stage). */
    static StageGate maxStagesSkipped(int stages) {
        return new MaxStagesSkipped("skip at most " + stageCount(stages), stages);
    }

    /** A user with the role must have approved entering the stage. */
    static StageGate approvalBy(Role role) {
        Require.notNull(role, "role");
        return new ApprovalRequired(label(role.name()) + " approval", role);
    }

    /** Several gates under one name; met when all are met, reporting all their violations. */
    static StageGate allOf(String name, List<StageGate> gates) {
        return new AllOf(name, gates);
    }

    private static String label(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "1 stage", "2 stages". */
    private static String stageCount(int count) {
        return count + (count == 1 ? " stage" : " stages");
    }

    private static String checkedName(String name) {
        return Require.maxLength(Require.notBlank(name, "gate.name"), 100, "gate.name");
    }

    private static List<Violation> violation(boolean met, String code, String message, String field) {
        return met ? List.of() : List.of(Violation.of(code, message, field));
    }

    /** A standard field must be set (code {@link #REQUIRED_FIELD}). */
    record RequiredField(String name, DealField field) implements StageGate {
        public RequiredField {
            name = checkedName(name);
            Require.notNull(field, "field");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            return violation(
                    field.isSetOn(move.deal()),
                    REQUIRED_FIELD,
                    name + ": " + field.field() + " must be set to enter "
                            + move.entering().name(),
                    field.field());
        }
    }

    /** A custom field must be set (code {@link #REQUIRED_CUSTOM_FIELD}). */
    record RequiredCustomField(String name, String customField) implements StageGate {
        public RequiredCustomField {
            name = checkedName(name);
            customField = Require.maxLength(Require.notBlank(customField, "customField"), 64, "customField");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            return violation(
                    move.deal().customFields().containsKey(customField),
                    REQUIRED_CUSTOM_FIELD,
                    name + ": custom field " + customField + " must be set to enter "
                            + move.entering().name(),
                    "customFields." + customField);
        }
    }

    /** Some contact must have the role (code {@link #CONTACT_ROLE}). */
    record RequiredContactRole(String name, BuyingRole role) implements StageGate {
        public RequiredContactRole {
            name = checkedName(name);
            Require.notNull(role, "role");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            return violation(
                    move.deal().hasContactRole(role),
                    CONTACT_ROLE,
                    name + ": a contact with role " + role + " is needed to enter "
                            + move.entering().name(),
                    "contactRoles");
        }
    }

    /** At least one line item (code {@link #LINE_ITEM}). */
    record LineItemRequired(String name) implements StageGate {
        public LineItemRequired {
            name = checkedName(name);
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            return violation(
                    !move.deal().lineItems().isEmpty(),
                    LINE_ITEM,
                    name + ": at least one line item is needed to enter "
                            + move.entering().name(),
                    "lineItems");
        }
    }

    /** A known amount of at least {@code minimum} in the same currency (code {@link #MINIMUM_AMOUNT}). */
    record MinimumAmount(String name, Money minimum) implements StageGate {
        public MinimumAmount {
            name = checkedName(name);
            Require.notNull(minimum, "minimum");
            Require.that(!minimum.isNegative(), "minimum", "must not be negative, was " + minimum);
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            Money amount = move.deal().amount();
            String problem;
            if (amount == null) {
                problem = "the amount is not known";
            } else if (!amount.currency().equals(minimum.currency())) {
                problem = "the amount is in " + amount.currencyCode() + ", the minimum in " + minimum.currencyCode();
            } else if (amount.isLessThan(minimum)) {
                problem = "the amount " + amount + " is below " + minimum;
            } else {
                return List.of();
            }
            return List.of(Violation.of(
                    MINIMUM_AMOUNT,
                    name + ": " + problem + " (needed to enter "
                            + move.entering().name() + ")",
                    "amount"));
        }
    }

    /** An activity of the kind since the deal entered its current stage (code {@link #ACTIVITY}). */
    record ActivitySinceStageEntry(String name, ActivityKind kind) implements StageGate {
        public ActivitySinceStageEntry {
            name = checkedName(name);
            Require.notNull(kind, "kind");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            return violation(
                    move.activities().loggedSince(kind, move.deal().stageEnteredAt()),
                    ACTIVITY,
                    name + ": no " + kind + " logged since the deal entered its current stage",
                    "activities");
        }
    }

    /** Forward moves skip at most {@code stages} stages (code {@link #STAGE_SKIP}). */
    record MaxStagesSkipped(String name, int stages) implements StageGate {
        public MaxStagesSkipped {
            name = checkedName(name);
            Require.notNegative(stages, "stages");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            int skipped = move.stagesSkipped();
            return violation(
                    skipped <= stages,
                    STAGE_SKIP,
                    name + ": the move to " + move.target().name() + " skips " + stageCount(skipped) + ", at most "
                            + stages + " allowed",
                    "stageId");
        }
    }

    /** An approval for the target stage by a user with the role (code {@link #APPROVAL}). */
    record ApprovalRequired(String name, Role role) implements StageGate {
        public ApprovalRequired {
            name = checkedName(name);
            Require.notNull(role, "role");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            boolean approved = move.deal().approvals().stream()
                    .anyMatch(a -> a.stage().equals(move.entering().id()) && a.role() == role);
            return violation(
                    approved,
                    APPROVAL,
                    name + ": entering " + move.entering().name() + " needs the approval of a " + role,
                    "approvals");
        }
    }

    /** All of several gates, reported under their own names. */
    record AllOf(String name, List<StageGate> gates) implements StageGate {
        public AllOf {
            name = checkedName(name);
            gates = Require.noNulls(gates, "gates");
        }

        @Override
        public List<Violation> check(ProposedMove move) {
            List<Violation> violations = new ArrayList<>();
            for (StageGate gate : gates) {
                violations.addAll(gate.check(move));
            }
            return violations;
        }
    }
}
