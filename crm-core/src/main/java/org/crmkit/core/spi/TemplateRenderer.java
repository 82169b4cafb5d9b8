package org.crmkit.core.spi;

import java.util.Locale;
import java.util.Map;

/**
 * Port: turns a named message template and the values of one recipient into the text of a message in the
 * recipient's language. Workflows (task reminders, follow-up sequences, greetings, dunning notices) render every
 * message through it, so a host can plug in its own template engine; {@code PlainTemplates} is the built-in
 * default.
 *
 * <p>Implementations are thread-safe, do not read the clock and return the same message for the same arguments.
 */
public interface TemplateRenderer {

    /**
     * Renders the template for the language, falling back as the implementation documents (typically from
     * {@code de-CH} to {@code de} to a default language).
     *
     * @param template the template's name, e.g. {@code "birthday-greeting"}; not blank
     * @param language the recipient's preferred language; not null
     * @param values   placeholder values by name; not null, no null keys or values
     * @return the subject and body, never null
     * @throws org.crmkit.core.common.RecordNotFoundException when there is no such template in any fallback language
     * @throws org.crmkit.core.common.InvalidValueException   when a placeholder without a default has no value
     */
    RenderedMessage render(String template, Locale language, Map<String, String> values);
}
