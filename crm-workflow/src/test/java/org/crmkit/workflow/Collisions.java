package org.crmkit.workflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Stores that collide on purpose: the next {@code left} calls of one method fail with the collision a database
 * reports when another node committed a conflicting change first; every other call goes to the real store.
 */
public final class Collisions {

    private Collisions() {}

    /** {@code store} as a {@code port} whose next {@code left} calls of {@code method} throw {@code collision}. */
    public static <T> T on(
            Class<T> port, T store, String method, AtomicInteger left, Supplier<? extends RuntimeException> collision) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getName().equals(method) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw collision.get();
            }
            try {
                return called.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
