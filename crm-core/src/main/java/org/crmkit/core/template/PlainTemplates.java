package org.crmkit.core.template;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;

/**
 * The built-in {@link TemplateRenderer}: plain-text templates with {@code {{name}}} placeholders, registered per
 * name and language when the renderer is built.
 *
 * <pre>{@code
 * TemplateRenderer templates = PlainTemplates.builder()
 *         .template("birthday", Locale.ENGLISH, "Happy birthday, {{firstName|friend}}!", "Dear {{fullName}}, ...")
 *         .template("birthday", Locale.GERMAN, "Alles Gute, {{firstName|}}!", "Liebe(r) {{fullName}}, ...")
 *         .defaultLanguage(Locale.ENGLISH)
 *         .build();
 * }</pre>
 *
 * <p>A placeholder is {@code {{name}}} or {@code {{name|default}}} (the default may be empty); names start with a
 * letter and contain letters, digits, {@code _}, {@code .} and {@code -}. Values are inserted as they are (no
 * escaping: the output is plain text). The language falls back from the full locale ({@code de-CH}) to its
 * language ({@code de}) to the default language. Malformed templates are refused when the renderer is built.
 * Immutable and thread-safe.
 */
public final class PlainTemplates implements TemplateRenderer {

    private record Key(String name, Locale language) {}

    private record Parsed(CompiledText subject, CompiledText body) {}

    private final Map<Key, Parsed> templates;
    private final Locale defaultLanguage;

    private PlainTemplates(Builder builder) {
        this.templates = Map.copyOf(builder.templates);
        this.defaultLanguage = builder.defaultLanguage;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RenderedMessage render(String template, Locale language, Map<String, String> values) {
        String name = Require.notBlank(template, "template");
        Require.notNull(language, "language");
        Require.notNull(values, "values");
        for (Locale candidate : fallbacks(language)) {
            Parsed parsed = templates.get(new Key(name, candidate));
            if (parsed != null) {
                return new RenderedMessage(
                        candidate,
                        parsed.subject().render(values),
                        parsed.body().render(values));
            }
        }
        throw new RecordNotFoundException("Template", name + " [" + language.toLanguageTag() + "]");
    }

    private Locale[] fallbacks(Locale language) {
        return new Locale[] {language, Locale.forLanguageTag(language.getLanguage()), defaultLanguage};
    }

    /** Collects templates; every template is parsed, and refused when malformed, as it is added. */
    public static final class Builder {

        private final Map<Key, Parsed> templates = new HashMap<>();
        private Locale defaultLanguage = Locale.ENGLISH;

        private Builder() {}

        /**
         * Adds the template {@code name} in {@code language}; refuses a second one for the same name and language
         * and malformed placeholders, naming the template and the position.
         */
        public Builder template(String name, Locale language, String subject, String body) {
            String key = Require.notBlank(name, "template");
            Locale locale = requireLanguage(language, "language");
            String field = "template " + key + " [" + locale.toLanguageTag() + "]";
            Parsed parsed = new Parsed(
                    CompiledText.parse(Require.notNull(subject, "subject"), field + ".subject"),
                    CompiledText.parse(Require.notNull(body, "body"), field + ".body"));
            if (templates.putIfAbsent(new Key(key, locale), parsed) != null) {
                throw InvalidValueException.invalid("template", field + " is defined twice");
            }
            return this;
        }

        /** The language used when neither the recipient's locale nor its language has the template; English by default. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = requireLanguage(language, "defaultLanguage");
            return this;
        }

        public PlainTemplates build() {
            return new PlainTemplates(this);
        }

        private static Locale requireLanguage(Locale language, String field) {
            Require.notNull(language, field);
            Require.that(!language.getLanguage().isEmpty(), field, "'" + language + "' has no language");
            return language;
        }
    }
}
