package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceLevel;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.core.spi.TaskRepository;
import org.crmkit.testkit.fixtures.CaseMother;
import org.crmkit.testkit.fixtures.TaskMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the case, task and activity repositories must do, query by query: cases
 * follow their contact or account, or their assignee; tasks their link or their assignee; activities any contact,
 * account, lead or opportunity they concern (see {@link ChildRecordFixture} for who sees what). Many records hang off
 * a stranger's account and contact in another territory, which every query would also match. Pages are full and
 * counts count visible records only. {@link BillingVisibilityContract} does the same for invoices, payments and
 * credit notes.
 */
public abstract class ChildRecordVisibilityContract extends ChildRecordFixture {

    // cases: their contact or account, or their assignee

    @Test
    void everyCaseQuerySeesOnlyTheCasesOfVisibleRecordsOrTheTeam() {
        List<ServiceCase> visible = new ArrayList<>();
        visible.add(saveCase(hiddenAccount, hiddenContact, mate.id()));
        visible.add(saveCase(territoryAccount, hiddenContact, stranger));
        visible.add(saveCase(hiddenAccount, visibleContact, stranger));
        visible.add(saveCase(sharedAccount, null, stranger));
        visible.add(saveCase(null, visibleContact, null));
        for (int i = 0; i < HIDDEN; i++) {
            saveCase(hiddenAccount, hiddenContact, i % 2 == 0 ? stranger : null);
        }
        CaseRepository cases = storage.cases().visibleTo(visibility);
        List<Object> expected = ids(visible, ServiceCase::id);

        assertThat(cases.findById(TENANT_A, visible.get(0).id())).isPresent();
        assertThat(ids(
                        cases.findOpenByAssignee(TENANT_A, stranger, PageRequest.first(20))
                                .items(),
                        ServiceCase::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(1, 4));
        assertThat(ids(
                        cases.findByContact(TENANT_A, hiddenContact, PageRequest.first(20))
                                .items(),
                        ServiceCase::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(0, 2));
        assertThat(ids(
                        cases.findByAccount(TENANT_A, hiddenAccount, PageRequest.first(20))
                                .items(),
                        ServiceCase::id))
                .containsExactlyInAnyOrderElementsOf(List.of(expected.get(0), expected.get(2)));
        assertThat(cases.findByContact(TENANT_A, visibleContact, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(2);
        clock.advance(Duration.ofDays(30));
        assertFullPages(page -> cases.findBreachingSla(TENANT_A, clock.instant(), page), expected.size());
    }

    private ServiceCase saveCase(AccountId account, ContactId contact, UserId assignee) {
        ServiceCase serviceCase = ServiceCase.open(
                TENANT_A,
                CaseId.next(ids),
                NewCase.of(
                        account, contact, "Broken", CaseChannel.EMAIL, CaseCategory.of("billing"), CasePriority.HIGH),
                ServiceLevel.standard(),
                CaseMother.AGENT,
                clock);
        if (assignee != null) {
            serviceCase.assign(assignee, CaseMother.AGENT, clock);
        }
        return inTransaction(() -> storage.cases().save(serviceCase));
    }

    // tasks: their link or their assignee

    @Test
    void everyTaskQuerySeesOnlyTheTasksOfVisibleRecordsOrTheTeam() {
        RecordRef hiddenLink = RecordRef.contact(hiddenContact);
        List<Task> visible = new ArrayList<>();
        visible.add(saveTask(viewer.id(), hiddenLink));
        visible.add(saveTask(mate.id(), null));
        visible.add(saveTask(stranger, RecordRef.contact(visibleContact)));
        visible.add(saveTask(stranger, RecordRef.account(sharedAccount)));
        visible.add(saveTask(stranger, visibleLead));
        visible.add(saveTask(stranger, visibleDeal));
        for (int i = 0; i < HIDDEN; i++) {
            saveTask(stranger, i % 2 == 0 ? hiddenLink : null);
        }
        TaskRepository tasks = storage.tasks().visibleTo(visibility);
        List<Object> expected = ids(visible, Task::id);
        Instant now = clock.instant();

        assertThat(tasks.findById(TENANT_A, visible.get(5).id())).isPresent();
        assertThat(ids(
                        tasks.findByAssignee(TENANT_A, stranger, Set.of(), PageRequest.first(20))
                                .items(),
                        Task::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 6));
        assertThat(ids(
                        tasks.findByLink(TENANT_A, hiddenLink, PageRequest.first(20))
                                .items(),
                        Task::id))
                .containsExactly(expected.get(0));
        assertThat(tasks.findByLink(TENANT_A, visibleLead, PageRequest.first(20))
                        .totalElements())
                .isEqualTo(1);
        assertFullPages(page -> tasks.findDueBetween(TENANT_A, now, now.plus(Duration.ofDays(3)), page), 6);
        clock.advance(Duration.ofDays(3));
        assertFullPages(page -> tasks.findOverdue(TENANT_A, clock.instant(), page), 6);
        assertFullPages(page -> tasks.findRemindersDue(TENANT_A, clock.instant(), page), 6);
    }

    private Task saveTask(UserId assignee, RecordRef link) {
        Instant due = clock.instant().plus(Duration.ofDays(2));
        NewTask details = NewTask.of("Call back", due, assignee).withReminderAt(due.minus(Duration.ofHours(1)));
        Task task = Task.create(
                TENANT_A, TaskId.next(ids), link == null ? details : details.linkedTo(link), TaskMother.CREATOR, clock);
        return inTransaction(() -> storage.tasks().save(task));
    }

    // activities: any contact, account, lead or deal they concern

    @Test
    void anActivityIsVisibleWithAnyRecordItConcerns() {
        List<Activity> visible = new ArrayList<>();
        visible.add(saveActivity(note().aboutContact(hiddenContact).aboutContact(visibleContact)));
        visible.add(saveActivity(note().aboutContact(hiddenContact).aboutAccount(territoryAccount)));
        visible.add(saveActivity(note().aboutContact(hiddenContact).regarding(visibleLead)));
        visible.add(saveActivity(note().aboutContact(hiddenContact).regarding(visibleDeal)));
        visible.add(saveActivity(note().aboutContact(hiddenContact).aboutAccount(sharedAccount)));
        List<Activity> hidden = new ArrayList<>();
        for (int i = 0; i < HIDDEN; i++) {
            hidden.add(saveActivity(note().aboutContact(hiddenContact)
                    .aboutAccount(hiddenAccount)
                    .regarding(RecordRef.invoice(InvoiceId.next(ids)))));
        }
        ActivityRepository activities = storage.activities().visibleTo(visibility);
        List<Object> newestFirst = new ArrayList<>(ids(visible, Activity::id));
        Collections.reverse(newestFirst);
        Function<PageRequest, Page<Activity>> hiddenTimeline =
                page -> activities.timeline(TENANT_A, RecordRef.contact(hiddenContact), TimelineFilter.ALL, page);

        assertThat(activities.findById(TENANT_A, visible.get(3).id())).isPresent();
        assertThat(activities.findById(TENANT_A, hidden.get(0).id())).isEmpty();
        assertThat(activities.findById(TENANT_A, ActivityId.next(ids))).isEmpty();
        assertThat(ids(hiddenTimeline.apply(PageRequest.first(20)).items(), Activity::id))
                .containsExactlyElementsOf(newestFirst);
        assertFullPages(hiddenTimeline, newestFirst.size());
        assertThat(activities
                        .timeline(TENANT_A, RecordRef.account(hiddenAccount), TimelineFilter.ALL, PageRequest.first(5))
                        .totalElements())
                .isZero();
        assertThat(activities
                        .timeline(TENANT_A, RecordRef.contact(visibleContact), TimelineFilter.ALL, PageRequest.first(5))
                        .totalElements())
                .isEqualTo(1);
        ActivityRepository contactsReadByAll =
                storage.activities().visibleTo(visibility.readingEvery(List.of(RecordType.CONTACT)));
        assertThat(contactsReadByAll.findById(TENANT_A, hidden.get(0).id())).isPresent();
    }

    private NewActivity note() {
        clock.advance(Duration.ofMinutes(1));
        return NewActivity.of(ActivityKind.NOTE, null, "Note", clock.instant());
    }

    private Activity saveActivity(NewActivity details) {
        Activity activity = Activity.log(TENANT_A, ActivityId.next(ids), details, CaseMother.AGENT, clock);
        return inTransaction(() -> storage.activities().save(activity));
    }
}
