package org.crmkit.core.inmemory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TaskRepository;

final class InMemoryTaskRepository implements TaskRepository {

    private static final Comparator<TaskState> BY_DUE = Comparator.comparing(TaskState::dueAt)
            .thenComparing(state -> state.id().value());
    private static final Comparator<TaskState> BY_REMINDER = Comparator.comparing(TaskState::reminderAt)
            .thenComparing(state -> state.id().value());

    private final VersionedStore<TaskState> store;
    private final InMemoryIndex<TaskState> byAssignee;
    private final InMemoryIndex<TaskState> byLink;
    private final InMemoryVisibleParents parents;

    InMemoryTaskRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.store = new VersionedStore<>("Task", transactions);
        this.byAssignee = store.index(InMemoryIndex.single(TaskState::assignee));
        this.byLink = store.index(InMemoryIndex.single(TaskState::link));
        this.parents = parents;
    }

    private InMemoryTaskRepository(InMemoryTaskRepository all, VersionedStore<TaskState> visible) {
        this.store = visible;
        this.byAssignee = all.byAssignee;
        this.byLink = all.byLink;
        this.parents = all.parents;
    }

    @Override
    public TaskRepository visibleTo(Visibility visibility) {
        return new InMemoryTaskRepository(
                this, store.restrictedTo(parents.visibleTo(visibility, new InMemoryVisibleParents.Parents<>() {
                    @Override
                    public TenantId tenant(TaskState state) {
                        return state.tenant();
                    }

                    @Override
                    public Collection<RecordRef> parents(TaskState state) {
                        return state.link() == null ? List.of() : List.of(state.link());
                    }

                    @Override
                    public UserId assignee(TaskState state) {
                        return state.assignee();
                    }
                })));
    }

    @Override
    public Optional<Task> findById(TenantId tenant, TaskId id) {
        return store.find(tenant, id).map(Task::restore);
    }

    @Override
    public Task save(Task task) {
        return Task.restore(store.save(task.state()));
    }

    @Override
    public Page<Task> findByAssignee(TenantId tenant, UserId assignee, Set<TaskStatus> statuses, PageRequest page) {
        return indexed(
                store.findAll(tenant, byAssignee.lookup(tenant, assignee)).stream()
                        .filter(state -> state.assignee().equals(assignee))
                        .filter(state -> statuses.isEmpty() || statuses.contains(state.status())),
                page);
    }

    @Override
    public Page<Task> findOverdue(TenantId tenant, Instant asOf, PageRequest page) {
        return query(tenant, state -> state.status().isActive() && state.dueAt().isBefore(asOf), BY_DUE, page);
    }

    @Override
    public Page<Task> findDueBetween(TenantId tenant, Instant from, Instant until, PageRequest page) {
        return query(
                tenant,
                state -> state.status().isActive()
                        && !state.dueAt().isBefore(from)
                        && state.dueAt().isBefore(until),
                BY_DUE,
                page);
    }

    @Override
    public Page<Task> findByLink(TenantId tenant, RecordRef link, PageRequest page) {
        return indexed(store.findAll(tenant, byLink.lookup(tenant, link)).stream(), page);
    }

    @Override
    public Page<Task> findRemindersDue(TenantId tenant, Instant asOf, PageRequest page) {
        return query(
                tenant,
                state -> state.status().isActive()
                        && state.reminderAt() != null
                        && state.reminderSentAt() == null
                        && !state.reminderAt().isAfter(asOf),
                BY_REMINDER,
                page);
    }

    private Page<Task> query(
            TenantId tenant, Predicate<TaskState> filter, Comparator<TaskState> order, PageRequest page) {
        return Page.of(store.query(tenant, filter, order), page).map(Task::restore);
    }

    private static Page<Task> indexed(Stream<TaskState> states, PageRequest page) {
        return Page.of(states.sorted(BY_DUE).toList(), page).map(Task::restore);
    }
}
