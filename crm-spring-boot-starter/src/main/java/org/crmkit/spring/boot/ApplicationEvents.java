package org.crmkit.spring.boot;

import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.OutboxEntry;
import org.springframework.context.ApplicationEventPublisher;

/**
 * crmkit's committed domain events as Spring application events: each {@code DomainEvent} record (e.g.
 * {@code ContactRegistered}) is published as it is, so that {@code @EventListener} methods receive it by type. At
 * least once, as crmkit's relay delivers: a listener that throws makes the relay deliver the event again later.
 */
final class ApplicationEvents implements EventListener {

    private final ApplicationEventPublisher publisher;

    ApplicationEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onEvent(OutboxEntry entry) {
        publisher.publishEvent(entry.event());
    }
}
