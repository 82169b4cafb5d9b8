package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crmkit.core.common.Actor;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.ActorResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who a change is recorded as made by: the logged-in user with Spring Security, the system without. */
class CrmkitActorsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class))
            .withBean(InMemoryStorage.class, InMemoryStorage::create);

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withSpringSecurityTheActorIsTheLoggedInUser() {
        runner.run(context -> {
            ActorResolver actors = context.getBean(ActorResolver.class);
            assertThat(actors.currentActor()).isEqualTo(Actor.SYSTEM);

            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("kim", null, List.of()));
            assertThat(actors.currentActor()).isEqualTo(Actor.of("kim", "kim"));

            SecurityContextHolder.getContext()
                    .setAuthentication(new AnonymousAuthenticationToken(
                            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            assertThat(actors.currentActor()).isEqualTo(Actor.SYSTEM);
        });
    }

    @Test
    void withoutSpringSecurityEveryChangeIsTheSystems() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(context -> assertThat(context.getBean(ActorResolver.class).currentActor())
                        .isEqualTo(Actor.SYSTEM));
    }

    @Test
    void theApplicationsOwnActorResolverIsKept() {
        ActorResolver own = ActorResolver.fixed(Actor.of("batch", "Nightly import"));
        runner.withBean("ownActors", ActorResolver.class, () -> own)
                .run(context -> assertThat(context.getBean(ActorResolver.class)).isSameAs(own));
    }
}
