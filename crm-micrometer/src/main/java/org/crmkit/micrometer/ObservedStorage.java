package org.crmkit.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.spi.Storage;

/**
 * A {@link Storage} whose every port call is an observation {@value CrmMetrics#STORAGE} with the keys {@code port}
 * (the {@code Storage} method that returns the port: {@code contacts}, {@code outbox}, {@code transactions}, ...) and
 * {@code method} (the port's method: {@code findById}, {@code save}, {@code inTransaction}, ...). Each port is a
 * proxy of its interface that calls the given storage's port; the ports of every crmkit version are covered without a
 * line per method. A call of {@code transactions().inTransaction} contains the calls of its work.
 */
final class ObservedStorage {

    private ObservedStorage() {}

    static Storage of(Storage storage, ObservationRegistry observations) {
        Map<Method, Object> ports = new ConcurrentHashMap<>();
        return proxy(Storage.class, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(storage, proxy, method, args);
            }
            Object port = invoke(storage, method, args);
            if (port == null || !method.getReturnType().isInterface() || method.getParameterCount() > 0) {
                return port;
            }
            return ports.computeIfAbsent(method, m -> observedPort(m, port, observations));
        });
    }

    @SuppressWarnings("try") // the scope makes the observation current for the call; the call does not read it
    private static Object observedPort(Method portMethod, Object port, ObservationRegistry observations) {
        String portName = portMethod.getName();
        return proxy(portMethod.getReturnType(), (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(port, proxy, method, args);
            }
            Observation observation = Observation.createNotStarted(CrmMetrics.STORAGE, observations)
                    .contextualName("crmkit " + portName + "." + method.getName())
                    .lowCardinalityKeyValue("port", portName)
                    .lowCardinalityKeyValue("method", method.getName())
                    .start();
            try (Observation.Scope scope = observation.openScope()) {
                return invoke(port, method, args);
            } catch (Throwable e) {
                observation.error(e);
                throw e;
            } finally {
                observation.stop();
            }
        });
    }

    private static Object objectMethod(Object target, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "observed " + target;
        };
    }

    /** Calls the target and lets its own exception through, as a direct call would. */
    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
