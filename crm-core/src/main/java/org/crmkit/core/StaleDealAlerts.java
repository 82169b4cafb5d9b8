package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StaleDeal;
import org.crmkit.core.sales.Staleness;

/** The stale-deal check of {@link Sales}: finds open deals gone stale and gives their owners a task once per spell. */
final class StaleDealAlerts {

    private final UseCases useCases;

    StaleDealAlerts(UseCases useCases) {
        this.useCases = useCases;
    }

    List<StaleDeal> alertStaleDeals() {
        List<StaleDeal> stale = new ArrayList<>();
        Instant now = useCases.clock.instant();
        for (Pipeline pipeline : useCases.storage.pipelines().findAll(useCases.tenant())) {
            PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
            Page<Opportunity> page;
            do {
                page = useCases.opportunities().findOpenInPipeline(useCases.tenant(), pipeline.id(), request);
                for (Opportunity deal : page.items()) {
                    staleness(pipeline, deal, now).ifPresent(stale::add);
                }
                request = request.next();
            } while (page.hasNext());
        }
        return stale;
    }

    private Optional<StaleDeal> staleness(Pipeline pipeline, Opportunity deal, Instant now) {
        Optional<Staleness> found = deal.staleness(pipeline, lastActivityOf(deal), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Staleness staleness = found.get();
        if (deal.staleAlertStands(staleness)) {
            return Optional.of(staleDeal(deal, staleness, deal.staleAlert().task(), false));
        }
        TaskId task = useCases.write(() -> {
            Opportunity current = Reads.found(
                    useCases.opportunities().findById(useCases.tenant(), deal.id()), "Opportunity", deal.id());
            Task created = useCases.save(
                    Task.create(
                            useCases.tenant(),
                            TaskId.next(useCases.ids),
                            current.staleAlertTask(staleness),
                            useCases.actor(),
                            useCases.clock),
                    useCases.storage.tasks()::save);
            current.raiseStaleAlert(staleness.reasons(), created.id(), useCases.clock);
            useCases.save(current, useCases.opportunities()::save);
            return created.id();
        });
        return Optional.of(staleDeal(deal, staleness, task, true));
    }

    private static StaleDeal staleDeal(Opportunity deal, Staleness staleness, TaskId task, boolean newlyAlerted) {
        return new StaleDeal(
                deal.id(),
                deal.name(),
                deal.owner(),
                staleness.reasons(),
                staleness.daysInStage(),
                staleness.daysWithoutActivity(),
                task,
                newlyAlerted);
    }

    private Instant lastActivityOf(Opportunity deal) {
        List<Activity> newest = useCases.storage
                .activities()
                .timeline(useCases.tenant(), RecordRef.opportunity(deal.id()), TimelineFilter.ALL, PageRequest.first(1))
                .items();
        return newest.isEmpty() ? null : newest.get(0).occurredAt();
    }
}
