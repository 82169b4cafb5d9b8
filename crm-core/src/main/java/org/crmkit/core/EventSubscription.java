package org.crmkit.core;

/**
 * A listener subscribed to a built {@link Crm} through {@link Crm#subscribe}. Closing it removes the listener: it
 * receives no event whose delivery starts after {@code close()} returned. Closing twice does nothing. Thread-safe.
 */
public interface EventSubscription extends AutoCloseable {

    /** Removes the listener; never throws. */
    @Override
    void close();
}
