package org.crmkit.core.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;

/**
 * A {@link TemplateRenderer} whose templates are ICU MessageFormat patterns with named arguments, so that each
 * language gets its own plural rules ({@code {years, plural, one {# rok} few {# lata} many {# lat} other {# roku}}}),
 * choices ({@code {holidayKey, select, christmas_day {...} other {...}}}), and date and money formats
 * ({@code {paymentDeadline, date, long}}, {@code {total, number, currency}} with a value such as
 * {@code "EUR 1234.50"}); see {@code docs/markets.md}.
 *
 * <p>{@link #defaults()} holds crmkit's default templates (greetings, dunning notice, campaign confirmation,
 * satisfaction survey) in English, German, Polish, Russian, Finnish and Chinese; a host adds or replaces templates
 * through {@link #builder()}. The language falls back from the full locale ({@code pl-PL}) to its language
 * ({@code pl}) to the default language (English). A value the template needs is required unless the template's
 * builder listed it as optional (it then renders as empty text); a value that its use cannot read (a plural that
 * is not a number) is refused with an {@link InvalidValueException} naming the template and the value.
 * Malformed patterns are refused when the renderer is built. Immutable and thread-safe.
 */
public final class LocalizedTemplates implements TemplateRenderer {

    /** The languages of the default templates. */
    public static final List<Locale> DEFAULT_LANGUAGES = List.of(
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("fi"),
            Locale.forLanguageTag("zh"));

    /** Values the default templates may go without. */
    private static final Set<String> DEFAULT_OPTIONAL = Set.of("offerCode", "offer", "firstName");

    private record Key(String name, Locale language) {}

    private record Parsed(IcuMessage subject, IcuMessage body) {}

    private static final LocalizedTemplates DEFAULTS = builder().addDefaults().build();

    private final Map<Key, Parsed> templates;
    private final Set<String> optional;
    private final Locale defaultLanguage;

    private LocalizedTemplates(Builder builder) {
        this.templates = Map.copyOf(builder.templates);
        this.optional = Set.copyOf(builder.optional);
        this.defaultLanguage = builder.defaultLanguage;
    }

    /** crmkit's default templates in the {@link #DEFAULT_LANGUAGES}. */
    public static LocalizedTemplates defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RenderedMessage render(String template, Locale language, Map<String, String> values) {
        String name = Require.notBlank(template, "template");
        Require.notNull(language, "language");
        Require.notNull(values, "values");
        for (Locale candidate :
                new Locale[] {language, Locale.forLanguageTag(language.getLanguage()), defaultLanguage}) {
            Parsed parsed = templates.get(new Key(name, candidate));
            if (parsed != null) {
                return new RenderedMessage(
                        candidate,
                        parsed.subject().format(values, optional),
                        parsed.body().format(values, optional));
            }
        }
        throw new RecordNotFoundException("Template", name + " [" + language.toLanguageTag() + "]");
    }

    /** Collects templates; each is parsed, and refused when malformed, as it is added. */
    public static final class Builder {

        private final Map<Key, Parsed> templates = new HashMap<>();
        private final Set<String> optional = new HashSet<>();
        private Locale defaultLanguage = Locale.ENGLISH;

        private Builder() {}

        /**
         * Adds crmkit's default templates; a template added afterwards under the same name and language replaces
         * the default one.
         */
        public Builder addDefaults() {
            for (Locale language : DEFAULT_LANGUAGES) {
                Properties texts = defaultTexts(language);
                for (String property : texts.stringPropertyNames()) {
                    if (property.endsWith(".subject")) {
                        String name = property.substring(0, property.length() - ".subject".length());
                        put(name, language, texts.getProperty(property), texts.getProperty(name + ".body"));
                    }
                }
            }
            optional.addAll(DEFAULT_OPTIONAL);
            return this;
        }

        /** Adds or replaces the template {@code name} in {@code language}; refuses a malformed pattern. */
        public Builder template(String name, Locale language, String subject, String body) {
            put(name, language, subject, body);
            return this;
        }

        /** Values that may be missing: they render as empty text (and select the {@code other} case). */
        public Builder optional(String... names) {
            optional.addAll(Require.noNulls(List.of(names), "optional"));
            return this;
        }

        /** The language used when neither the recipient's locale nor its language has the template; English by default. */
        public Builder defaultLanguage(Locale language) {
            Require.notNull(language, "defaultLanguage");
            Require.that(!language.getLanguage().isEmpty(), "defaultLanguage", "'" + language + "' has no language");
            this.defaultLanguage = language;
            return this;
        }

        public LocalizedTemplates build() {
            return new LocalizedTemplates(this);
        }

        private void put(String name, Locale language, String subject, String body) {
            String key = Require.notBlank(name, "template");
            Require.notNull(language, "language");
            Require.that(!language.getLanguage().isEmpty(), "language", "'" + language + "' has no language");
            String field = "template " + key + " [" + language.toLanguageTag() + "]";
            templates.put(
                    new Key(key, language),
                    new Parsed(
                            IcuMessage.parse(Require.notNull(subject, "subject"), language, field + ".subject"),
                            IcuMessage.parse(Require.notNull(body, "body"), language, field + ".body")));
        }

        private static Properties defaultTexts(Locale language) {
            String resource = "default-templates_" + language.getLanguage() + ".properties";
            try (InputStream in = LocalizedTemplates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw InvalidValueException.invalid("language", "no default templates in " + language);
                }
                Properties texts = new Properties();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return texts;
            } catch (IOException e) {
                throw new StorageException("reading crmkit's default templates " + resource + " failed", e);
            }
        }
    }
}
