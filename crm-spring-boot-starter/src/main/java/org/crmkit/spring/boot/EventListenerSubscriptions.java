package org.crmkit.spring.boot;

import org.crmkit.core.Crm;
import org.crmkit.core.spi.EventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes the application's {@link EventListener} beans to {@link Crm} once every singleton exists, in their
 * order ({@code @Order}), so that a listener may itself depend on {@code Crm} (to write through it) without a cycle.
 */
final class EventListenerSubscriptions implements SmartInitializingSingleton {

    private final ObjectProvider<Crm> crm;
    private final ObjectProvider<EventListener> listeners;

    EventListenerSubscriptions(ObjectProvider<Crm> crm, ObjectProvider<EventListener> listeners) {
        this.crm = crm;
        this.listeners = listeners;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Crm subscribed = crm.getIfAvailable();
        if (subscribed != null) {
            listeners.orderedStream().forEach(subscribed::subscribe);
        }
    }
}
