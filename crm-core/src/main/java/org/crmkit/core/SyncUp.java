package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.duplicate.PossibleDuplicateException;
import org.crmkit.core.sync.ChangeResult;
import org.crmkit.core.sync.ConflictPolicies;
import org.crmkit.core.sync.DeviceChange;
import org.crmkit.core.sync.FieldConflict;
import org.crmkit.core.sync.FieldEdit;
import org.crmkit.core.sync.FieldPolicy;
import org.crmkit.core.sync.SyncOutcome;

/**
 * Applies a device's offline changes, each in a transaction of its own: a field only the device changed is stored, one
 * changed to the same value on both sides is left, one changed to different values is decided by its
 * {@link FieldPolicy}, and every conflict is returned. Applying the same changes again finds the CRM holding them and
 * changes nothing.
 */
final class SyncUp {

    private final UseCases useCases;
    private final SyncedRecords records;
    private final Activities activities;

    SyncUp(UseCases useCases, SyncedRecords records, Activities activities) {
        this.useCases = useCases;
        this.records = records;
        this.activities = activities;
    }

    List<ChangeResult> apply(UserId user, List<DeviceChange> changes, ConflictPolicies policies) {
        List<ChangeResult> results = new ArrayList<>(changes.size());
        for (DeviceChange change : changes) {
            results.add(applyOne(user, change, policies));
        }
        return results;
    }

    private ChangeResult applyOne(UserId user, DeviceChange change, ConflictPolicies policies) {
        try {
            return useCases.write(() -> {
                if (change instanceof DeviceChange.Create create) {
                    return create(user, create, policies);
                }
                if (change instanceof DeviceChange.Update update) {
                    SyncedRecords.requireKnown(
                            update.recordType(), update.fields().keySet(), false);
                    return update(user, update, update.fields(), policies);
                }
                return delete(user, (DeviceChange.Delete) change, policies);
            });
        } catch (PossibleDuplicateException duplicate) {
            return refused(change, duplicate, duplicate.candidates());
        } catch (CrmException refused) {
            return refused(change, refused, List.of());
        }
    }

    private ChangeResult create(UserId user, DeviceChange.Create create, ConflictPolicies policies) {
        SyncedRecords.requireKnown(create.recordType(), create.fields().keySet(), true);
        if (records.current(create.recordType(), create.recordId()).isPresent()) {
            // sent before: what the device created is the base of its values
            Map<String, FieldEdit> edits = new HashMap<>();
            // a field given only at creation is not compared again
            create.fields().entrySet().stream()
                    .filter(field -> !SyncedRecords.isCreateOnly(create.recordType(), field.getKey()))
                    .forEach(field -> edits.put(field.getKey(), new FieldEdit(field.getValue(), field.getValue())));
            return update(user, create, edits, policies);
        }
        List<DuplicateCandidate> duplicates =
                records.create(create.recordType(), create.recordId(), create.fields(), user);
        return result(create, SyncOutcome.APPLIED, List.of(), duplicates);
    }

    private ChangeResult update(
            UserId user, DeviceChange change, Map<String, FieldEdit> edits, ConflictPolicies policies) {
        Optional<SyncedRecords.Current> found = records.current(change.recordType(), change.recordId());
        if (found.isEmpty()) {
            return refused(change, new RecordNotFoundException(change.recordType(), change.recordId()), List.of());
        }
        Map<String, String> central = found.get().fields();
        Map<String, String> toStore = new HashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, FieldEdit> edit : edits.entrySet()) {
            String field = edit.getKey();
            String device = edit.getValue().value();
            String centralValue = central.get(field);
            if (Objects.equals(device, centralValue)) {
                continue;
            }
            if (Objects.equals(edit.getValue().base(), centralValue)) {
                toStore.put(field, device);
                continue;
            }
            String name = change.recordType() + "." + field;
            FieldPolicy policy = policies.policyFor(name);
            boolean deviceWins = deviceWins(policy, change);
            if (deviceWins) {
                toStore.put(field, device);
            }
            conflicts.add(new FieldConflict(
                    name, edit.getValue().base(), device, centralValue, policy, deviceWins ? device : centralValue));
        }
        if (!toStore.isEmpty()) {
            records.change(change.recordType(), change.recordId(), toStore);
        }
        askAPerson(user, change, conflicts);
        SyncOutcome outcome = conflicts.isEmpty()
                ? (toStore.isEmpty() ? SyncOutcome.UNCHANGED : SyncOutcome.APPLIED)
                : SyncOutcome.CONFLICT;
        return result(change, outcome, conflicts, List.of());
    }

    private ChangeResult delete(UserId user, DeviceChange.Delete delete, ConflictPolicies policies) {
        SyncedRecords.requireKnown(delete.recordType(), Set.of(), false);
        Optional<SyncedRecords.Current> found = records.current(delete.recordType(), delete.recordId());
        if (found.isEmpty()) {
            return result(delete, SyncOutcome.UNCHANGED, List.of(), List.of());
        }
        if (found.get().version() == delete.baseVersion() || deviceWins(policies.deletion(), delete)) {
            records.delete(delete.recordType(), delete.recordId());
            return result(delete, SyncOutcome.APPLIED, List.of(), List.of());
        }
        List<FieldConflict> conflicts = List.of(new FieldConflict(
                delete.recordType() + ".deleted", "false", "true", "false", policies.deletion(), "false"));
        askAPerson(user, delete, conflicts);
        return result(delete, SyncOutcome.CONFLICT, conflicts, List.of());
    }

    /** Whether the device's value wins a conflict under the policy. */
    private boolean deviceWins(FieldPolicy policy, DeviceChange change) {
        return switch (policy) {
            case DEVICE_WINS -> true;
            case LAST_WRITER_WINS -> {
                Optional<Instant> centrally =
                        useCases.storage.changeLog().lastChangedAt(useCases.tenant(), change.recordId());
                yield centrally.isEmpty() || change.deviceTime().isAfter(centrally.get());
            }
            default -> false;
        };
    }

    /** A task for the user to settle the conflicts kept for a person, if there are any. */
    private void askAPerson(UserId user, DeviceChange change, List<FieldConflict> conflicts) {
        List<String> kept = conflicts.stream()
                .filter(conflict -> conflict.policy() == FieldPolicy.KEEP_FOR_PERSON)
                .map(conflict -> conflict.field() + ": your device had '" + conflict.deviceValue() + "', the CRM has '"
                        + conflict.centralValue() + "'")
                .toList();
        if (kept.isEmpty()) {
            return;
        }
        String subject = "Settle a sync conflict on " + change.recordType();
        String description = String.join("\n", kept);
        boolean asked = Reads.everyPage(page -> activities.tasksOf(user, TaskStatus.ACTIVE, page)).stream()
                .anyMatch(task -> task.subject().equals(subject) && description.equals(task.description()));
        if (asked) {
            // the same changes sent again: the person has been asked already
            return;
        }
        NewTask task = NewTask.of(subject, useCases.clock.instant(), user).withDescription(description);
        if (!change.recordType().equals("Activity")) {
            task = task.linkedTo(
                    new RecordRef(RecordType.valueOf(change.recordType().toUpperCase(Locale.ROOT)), change.recordId()));
        }
        activities.createTask(task);
    }

    private ChangeResult result(
            DeviceChange change,
            SyncOutcome outcome,
            List<FieldConflict> conflicts,
            List<DuplicateCandidate> duplicates) {
        long version = records.current(change.recordType(), change.recordId())
                .map(SyncedRecords.Current::version)
                .orElse(0L);
        return new ChangeResult(change, outcome, conflicts, List.of(), duplicates, version);
    }

    private ChangeResult refused(DeviceChange change, CrmException refusal, List<DuplicateCandidate> duplicates) {
        List<Violation> violations = refusal.violations().isEmpty()
                ? List.of(Violation.of(refusal.errorCode().code(), refusal.getMessage()))
                : refusal.violations();
        long version = useCases.storage
                .transactions()
                .inTransaction(() -> records.current(change.recordType(), change.recordId())
                        .map(SyncedRecords.Current::version)
                        .orElse(0L));
        return new ChangeResult(change, SyncOutcome.REFUSED, List.of(), violations, duplicates, version);
    }
}
