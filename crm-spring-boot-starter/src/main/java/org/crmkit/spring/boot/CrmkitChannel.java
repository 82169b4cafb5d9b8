package org.crmkit.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.crmkit.workflow.action.Channel;

/**
 * Names the channels a {@code MessageChannel} bean sends on, on its {@code @Bean} method or its class: the starter
 * gives the workflow runtime that bean for those channels. A single {@code MessageChannel} bean without it sends on
 * every channel no annotated bean claims (it reads {@code message.channel()}); two beans for one channel, or several
 * without the annotation, are refused at start.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CrmkitChannel {

    /** The channels the bean sends on. */
    Channel[] value();
}
