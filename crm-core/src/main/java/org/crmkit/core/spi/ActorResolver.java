package org.crmkit.core.spi;

import org.crmkit.core.common.Actor;

/** Tells crmkit who makes the current call; recorded in histories. */
@FunctionalInterface
public interface ActorResolver {

    Actor currentActor();

    static ActorResolver fixed(Actor actor) {
        return () -> actor;
    }
}
