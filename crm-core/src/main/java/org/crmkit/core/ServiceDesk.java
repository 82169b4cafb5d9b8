package org.crmkit.core;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceLevel;

/**
 * Use cases of customer service: open cases, work them through to resolution under the configured
 * {@link ServiceLevel}, and list what needs attention. Every change runs in one transaction with its events, for
 * the calling tenant and actor. An unknown id throws {@link RecordNotFoundException}. Thread-safe.
 */
public final class ServiceDesk {

    private final UseCases useCases;
    private final ServiceLevel serviceLevel;

    ServiceDesk(UseCases useCases, ServiceLevel serviceLevel) {
        this.useCases = useCases;
        this.serviceLevel = serviceLevel;
    }

    /** The policy that sets the due times of new cases. */
    public ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    /** Opens a NEW case with due times from the service level and returns it as stored. */
    public ServiceCase openCase(NewCase details) {
        Require.notNull(details, "details");
        return useCases.write(() -> {
            useCases.references.account(details.account(), "account");
            useCases.references.contact(details.contact(), "contact");
            return useCases.save(
                    ServiceCase.open(
                            useCases.tenant(),
                            CaseId.next(useCases.ids),
                            details,
                            serviceLevel,
                            useCases.actor(),
                            useCases.clock),
                    useCases.storage.cases()::save);
        });
    }

    public Optional<ServiceCase> findCase(CaseId id) {
        Require.notNull(id, "id");
        return useCases.cases().findById(useCases.tenant(), id);
    }

    /** Gives an open case to a user. */
    public ServiceCase assign(CaseId id, UserId assignee) {
        Require.notNull(assignee, "assignee");
        return change(id, serviceCase -> serviceCase.assign(assignee, useCases.actor(), useCases.clock));
    }

    /** Takes a new case into work or resumes a waiting one. */
    public ServiceCase startWork(CaseId id) {
        return change(id, serviceCase -> serviceCase.startWork(useCases.actor(), useCases.clock));
    }

    /** Records a response to the customer; the first one stops the first-response clock. */
    public ServiceCase respond(CaseId id) {
        return change(id, serviceCase -> serviceCase.respond(useCases.actor(), useCases.clock));
    }

    /** Puts the case on hold until the customer answers. */
    public ServiceCase waitForCustomer(CaseId id) {
        return change(id, serviceCase -> serviceCase.waitForCustomer(useCases.actor(), useCases.clock));
    }

    /** Resolves the case with the given resolution (required). */
    public ServiceCase resolve(CaseId id, String resolution) {
        return change(id, serviceCase -> serviceCase.resolve(resolution, useCases.actor(), useCases.clock));
    }

    /** Closes a resolved case. */
    public ServiceCase close(CaseId id) {
        return change(id, serviceCase -> serviceCase.close(useCases.actor(), useCases.clock));
    }

    /** Opens a resolved or closed case again; {@code reason} is optional. */
    public ServiceCase reopen(CaseId id, String reason) {
        return change(id, serviceCase -> serviceCase.reopen(reason, useCases.actor(), useCases.clock));
    }

    /** Changes the priority of an open case; its due times follow the service level for the new priority. */
    public ServiceCase changePriority(CaseId id, CasePriority priority) {
        Require.notNull(priority, "priority");
        return change(id, serviceCase -> serviceCase.changePriority(priority, serviceLevel, useCases.clock));
    }

    /** The user's open cases, by resolution due time then id. */
    public Page<ServiceCase> openCasesOf(UserId assignee, PageRequest page) {
        Require.notNull(assignee, "assignee");
        Require.notNull(page, "page");
        return useCases.cases().findOpenByAssignee(useCases.tenant(), assignee, page);
    }

    /** The account's cases of every status, newest first. */
    public Page<ServiceCase> casesOf(AccountId account, PageRequest page) {
        Require.notNull(account, "account");
        Require.notNull(page, "page");
        return useCases.cases().findByAccount(useCases.tenant(), account, page);
    }

    /** Open cases that miss a service-level target now (by the clock), by resolution due time then id. */
    public Page<ServiceCase> breachingSla(PageRequest page) {
        return breachingSla(useCases.clock.instant(), page);
    }

    /** Open cases that miss a service-level target as of {@code asOf}, by resolution due time then id. */
    public Page<ServiceCase> breachingSla(Instant asOf, PageRequest page) {
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return useCases.cases().findBreachingSla(useCases.tenant(), asOf, page);
    }

    private ServiceCase change(CaseId id, Consumer<ServiceCase> change) {
        Require.notNull(id, "id");
        return useCases.write(() -> {
            ServiceCase serviceCase = Reads.found(useCases.cases().findById(useCases.tenant(), id), "ServiceCase", id);
            change.accept(serviceCase);
            return useCases.save(serviceCase, useCases.storage.cases()::save);
        });
    }
}
