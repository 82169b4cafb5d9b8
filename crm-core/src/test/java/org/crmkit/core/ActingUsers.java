package org.crmkit.core;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.inmemory.InMemoryStorage;

/**
 * One in-memory storage seen through {@code Crm}s of the sharing models a test chooses, with the acting user the test
 * switches to (the system actor until then).
 */
final class ActingUsers {

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final Clock clock;
    private final InMemoryStorage storage;

    ActingUsers(Clock clock) {
        this.clock = clock;
        this.storage = InMemoryStorage.create(clock);
    }

    Crm crm(SharingModel model) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .actorResolver(actor::get)
                .sharingModel(model)
                .build();
    }

    void actAs(User user) {
        actor.set(Actor.user(user.id(), user.name()));
    }

    void actAs(Actor acting) {
        actor.set(acting);
    }

    static User user(Access access, String name, Role role) {
        return access.registerUser(name, EmailAddress.of(name + "@crm.example"), List.of(role));
    }
}
