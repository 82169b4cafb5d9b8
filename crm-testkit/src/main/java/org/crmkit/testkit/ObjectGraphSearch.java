package org.crmkit.testkit;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Searches everything an in-memory store holds for a text, for the erasure contract of in-memory adapters: walks
 * the object graph from the store (every field of crmkit's and the host's objects, every element of collections,
 * maps and arrays) and reports the path of each text that contains the one searched for, ignoring case. Values of
 * other JDK types (dates, numbers, locks) are searched in their text form. A store added later is covered without
 * a change, as long as it is reachable from the root.
 */
public final class ObjectGraphSearch {

    private ObjectGraphSearch() {}

    /** The paths (e.g. {@code contacts.store.byTenant[tenant-a]...}) of the texts under {@code root} holding it. */
    public static List<String> pathsHolding(Object root, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {root, root.getClass().getSimpleName()});
        while (!work.isEmpty()) {
            Object[] next = work.pop();
            Object value = next[0];
            String path = (String) next[1];
            if (value == null || seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (value instanceof CharSequence chars) {
                if (chars.toString().toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(path);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : List.copyOf(map.entrySet())) {
                    work.push(new Object[] {entry.getKey(), path + ".key"});
                    work.push(new Object[] {entry.getValue(), path + "[" + entry.getKey() + "]"});
                }
            } else if (value instanceof Collection<?> collection) {
                int i = 0;
                for (Object element : List.copyOf(collection)) {
                    work.push(new Object[] {element, path + "[" + i++ + "]"});
                }
            } else if (value instanceof Optional<?> optional) {
                work.push(new Object[] {optional.orElse(null), path});
            } else if (value.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    work.push(new Object[] {Array.get(value, i), path + "[" + i + "]"});
                }
            } else if (isJdkType(value.getClass()) || value.getClass().isHidden()) {
                // a lambda's captured values are the objects it was made from, reached on their own
                if (String.valueOf(value).toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(path);
                }
            } else {
                fields(value, path, work);
            }
        }
        return found;
    }

    private static void fields(Object value, String path, Deque<Object[]> work) {
        for (Class<?> type = value.getClass(); type != null && !isJdkType(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    work.push(new Object[] {field.get(value), path + "." + field.getName()});
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new AssertionError("cannot read " + path + "." + field.getName(), e);
                }
            }
        }
    }

    private static boolean isJdkType(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }
}
