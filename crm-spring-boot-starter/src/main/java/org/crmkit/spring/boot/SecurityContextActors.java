package org.crmkit.spring.boot;

import org.crmkit.core.common.Actor;
import org.crmkit.core.spi.ActorResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of a call in an application with Spring Security: the authenticated user of the calling thread (its
 * name as id and display name), or {@link Actor#SYSTEM} when nobody is logged in (a scheduled run, an anonymous
 * request).
 */
final class SecurityContextActors implements ActorResolver {

    @Override
    public Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Actor.SYSTEM;
        }
        return Actor.of(authentication.getName(), authentication.getName());
    }
}
