package org.crmkit.core.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A sales pipeline: an ordered list of {@link Stage}s an opportunity moves through. A tenant may have several
 * (new business, renewals). A valid pipeline has at least one open stage, exactly one won and exactly one lost stage
 * (where {@code markWon}/{@code markLost} put an opportunity), and stage names that are unique ignoring case. Every
 * change is checked against these rules and refused whole.
 *
 * <p>Besides the stages (with their {@link StageGate}s) a pipeline keeps its closing rules: the reasons a deal may
 * be won or lost for (an empty list allows any reason) and after how many days without activity an open deal counts
 * as stale ({@code inactivityDays}, null: never). Not thread-safe.
 */
public final class Pipeline extends AggregateRoot<PipelineId> {

    private final Instant createdAt;
    private final String name;
    private List<Stage> stages;
    private List<String> wonReasons;
    private List<String> lostReasons;
    private Integer inactivityDays;
    private final UserId owner;

    private Pipeline(PipelineState s) {
        super(s.tenant(), s.id(), s.version());
        this.createdAt = s.createdAt();
        this.name = s.name();
        this.stages = List.copyOf(s.stages());
        this.wonReasons = s.wonReasons();
        this.lostReasons = s.lostReasons();
        this.inactivityDays = s.inactivityDays();
        this.owner = s.owner();
    }

    /**
     * A new pipeline with its stages in order, owned by {@code owner} (null: none, only administrators and the users
     * it is shared with reach it where the sharing model restricts pipelines). Records {@link PipelineDefined}.
     */
    public static Pipeline define(
            TenantId tenant, PipelineId id, String name, List<Stage> stages, UserId owner, Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        String checkedName = checkName(name);
        List<Stage> checked = validated(stages);
        Pipeline pipeline = new Pipeline(new PipelineState(
                tenant, id, 0, checkedName, checked, List.of(), List.of(), null, clock.instant(), owner));
        pipeline.record(new PipelineDefined(tenant, id.value(), pipeline.createdAt, checkedName, checked));
        return pipeline;
    }

    /** Restores a pipeline exactly as it was stored. */
    public static Pipeline restore(PipelineState state) {
        return new Pipeline(Require.notNull(state, "state"));
    }

    public PipelineState state() {
        return new PipelineState(
                tenant(), id(), version(), name, stages, wonReasons, lostReasons, inactivityDays, createdAt, owner);
    }

    private static String checkName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 100, "name");
    }

    private static List<Stage> validated(List<Stage> stages) {
        List<Stage> checked = Require.noNulls(stages, "stages");
        Set<String> names = new HashSet<>();
        Set<StageId> ids = new HashSet<>();
        int open = 0;
        int won = 0;
        int lost = 0;
        for (int i = 0; i < checked.size(); i++) {
            Stage stage = checked.get(i);
            Require.that(
                    names.add(stage.name().toLowerCase(Locale.ROOT)),
                    "stages[" + i + "].name",
                    "'" + stage.name() + "' is used by another stage of the pipeline");
            Require.that(ids.add(stage.id()), "stages[" + i + "].id", "is used by another stage of the pipeline");
            switch (stage.kind()) {
                case OPEN -> open++;
                case WON -> won++;
                case LOST -> lost++;
            }
        }
        Require.that(open > 0, "stages", "must contain at least one open stage");
        Require.that(won == 1, "stages", "must contain exactly one won stage, has " + won);
        Require.that(lost == 1, "stages", "must contain exactly one lost stage, has " + lost);
        return checked;
    }

    private void changeStages(List<Stage> changed, Clock clock) {
        stages = validated(changed);
        record(new PipelineChanged(tenant(), id().value(), clock.instant(), name, stages));
    }

    /** Inserts a stage at {@code position} (0 = first; the number of stages = last). */
    public void addStage(Stage stage, int position, Clock clock) {
        Require.notNull(stage, "stage");
        Require.that(
                position >= 0 && position <= stages.size(),
                "position",
                "must be between 0 and " + stages.size() + ", was " + position);
        List<Stage> changed = new ArrayList<>(stages);
        changed.add(position, stage);
        changeStages(changed, clock);
    }

    /** Gives a stage another name, still unique in the pipeline. */
    public void renameStage(StageId stageId, String newName, Clock clock) {
        Stage stage = requireStage(stageId);
        String checkedName = Require.maxLength(Require.notBlank(newName, "stage.name"), 100, "stage.name");
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(stages.indexOf(stage), stage.renamed(checkedName));
        changeStages(changed, clock);
    }

    /** Puts the stages in the given order; {@code order} must name every stage exactly once. */
    public void reorderStages(List<StageId> order, Clock clock) {
        List<StageId> checked = Require.noNulls(order, "order");
        Require.that(
                checked.size() == stages.size() && Set.copyOf(checked).size() == checked.size(),
                "order",
                "must name each of the " + stages.size() + " stages exactly once");
        List<Stage> changed = new ArrayList<>();
        for (StageId stageId : checked) {
            changed.add(stage(stageId)
                    .orElseThrow(() -> InvalidValueException.invalid(
                            "order", "stage " + stageId + " is not a stage of pipeline " + name)));
        }
        changeStages(changed, clock);
    }

    /** Replaces the gates of a stage (an empty list removes them). */
    public void changeGates(StageId stageId, List<StageGate> gates, Clock clock) {
        Stage stage = requireStage(stageId);
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(stages.indexOf(stage), stage.gatedBy(Require.noNulls(gates, "gates")));
        changeStages(changed, clock);
    }

    /**
     * Sets the reasons deals may be won and lost for (each 1..200 characters, unique ignoring case; an empty list
     * allows any reason). Records {@link PipelineClosingRulesChanged}.
     */
    public void changeCloseReasons(List<String> newWonReasons, List<String> newLostReasons, Clock clock) {
        wonReasons = checkedReasons(newWonReasons, "wonReasons");
        lostReasons = checkedReasons(newLostReasons, "lostReasons");
        recordClosingRules(clock);
    }

    /** After how many days (positive) without activity an open deal is stale; null: never. */
    public void changeInactivityDays(Integer days, Clock clock) {
        Require.that(days == null || days > 0, "inactivityDays", "must be positive, was " + days);
        inactivityDays = days;
        recordClosingRules(clock);
    }

    private void recordClosingRules(Clock clock) {
        record(new PipelineClosingRulesChanged(
                tenant(), id().value(), clock.instant(), wonReasons, lostReasons, inactivityDays));
    }

    private static List<String> checkedReasons(List<String> reasons, String field) {
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> given = Require.noNulls(reasons, field);
        for (int i = 0; i < given.size(); i++) {
            String reason = Require.maxLength(
                    Require.notBlank(given.get(i), field + "[" + i + "]"), 200, field + "[" + i + "]");
            Require.that(
                    seen.add(reason.toLowerCase(Locale.ROOT)),
                    field + "[" + i + "]",
                    "'" + reason + "' is listed twice");
            checked.add(reason);
        }
        return List.copyOf(checked);
    }

    /**
     * The listed reason matching {@code reason} ignoring case (in its listed spelling), the reason itself when any
     * is allowed, or empty when the pipeline lists reasons and this is none of them.
     */
    public Optional<String> closeReason(StageKind kind, String reason) {
        List<String> allowed = switch (Require.notNull(kind, "kind")) {
            case WON -> wonReasons;
            case LOST -> lostReasons;
            case OPEN -> throw InvalidValueException.invalid("kind", "open stages have no close reasons");
        };
        String given = Require.notBlank(reason, "reason");
        if (allowed.isEmpty()) {
            return Optional.of(given);
        }
        return allowed.stream().filter(r -> r.equalsIgnoreCase(given)).findFirst();
    }

    /** Reasons a deal may be won for; empty: any. */
    public List<String> wonReasons() {
        return wonReasons;
    }

    /** Reasons a deal may be lost for; empty: any. */
    public List<String> lostReasons() {
        return lostReasons;
    }

    /** Days without activity after which an open deal is stale, or null. */
    public Integer inactivityDays() {
        return inactivityDays;
    }

    /** The stage with the id, if it belongs to this pipeline. */
    public Optional<Stage> stage(StageId stageId) {
        Require.notNull(stageId, "stageId");
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** The stage with the id; refuses one that does not belong to this pipeline (field {@code stageId}). */
    public Stage requireStage(StageId stageId) {
        return stage(stageId)
                .orElseThrow(() -> InvalidValueException.invalid(
                        "stageId", "stage " + stageId + " is not a stage of pipeline " + name));
    }

    /** Zero-based position of the stage in the pipeline; refuses a foreign stage. */
    public int positionOf(StageId stageId) {
        return stages.indexOf(requireStage(stageId));
    }

    /** The open stages in order; the first is where new opportunities start by default. */
    public List<Stage> openStages() {
        return stages.stream().filter(Stage::isOpen).toList();
    }

    public Stage wonStage() {
        return stages.stream()
                .filter(s -> s.kind() == StageKind.WON)
                .findFirst()
                .orElseThrow();
    }

    public Stage lostStage() {
        return stages.stream()
                .filter(s -> s.kind() == StageKind.LOST)
                .findFirst()
                .orElseThrow();
    }

    public String name() {
        return name;
    }

    /** All stages in pipeline order. */
    public List<Stage> stages() {
        return stages;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The user who owns the pipeline definition, or null when none does. */
    public UserId owner() {
        return owner;
    }
}
