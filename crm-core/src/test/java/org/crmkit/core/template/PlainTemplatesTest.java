package org.crmkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.junit.jupiter.api.Test;

class PlainTemplatesTest {

    private final TemplateRenderer templates = PlainTemplates.builder()
            .template(
                    "birthday",
                    Locale.ENGLISH,
                    "Happy birthday, {{firstName|friend}}!",
                    "Dear {{fullName}},\nall the best from {{company}}.{{ offer|}}")
            .template("birthday", Locale.GERMAN, "Alles Gute, {{firstName|}}!", "Liebe(r) {{fullName}}")
            .template("birthday", Locale.forLanguageTag("de-CH"), "Äs Guets, {{firstName}}!", "Grüezi {{fullName}}")
            .defaultLanguage(Locale.ENGLISH)
            .build();

    @Test
    void birthdayGreetingIsPersonalisedFromTheContactsValues() {
        RenderedMessage message = templates.render(
                "birthday",
                Locale.ENGLISH,
                Map.of("firstName", "Ada", "fullName", "Ada King", "company", "Acme", "offer", " Code: BDAY10"));

        assertThat(message.language()).isEqualTo(Locale.ENGLISH);
        assertThat(message.subject()).isEqualTo("Happy birthday, Ada!");
        assertThat(message.body()).isEqualTo("Dear Ada King,\nall the best from Acme. Code: BDAY10");
    }

    @Test
    void missingValueWithADefaultUsesTheDefaultAndAnEmptyDefaultLeavesNothing() {
        RenderedMessage message =
                templates.render("birthday", Locale.ENGLISH, Map.of("fullName", "King", "company", "Acme"));

        assertThat(message.subject()).isEqualTo("Happy birthday, friend!");
        assertThat(message.body()).endsWith("from Acme.");
    }

    @Test
    void regionalLocaleFallsBackToItsLanguageThenToTheDefaultLanguage() {
        Map<String, String> values = Map.of("firstName", "Urs", "fullName", "Urs Meier", "company", "Acme");

        assertThat(templates
                        .render("birthday", Locale.forLanguageTag("de-CH"), values)
                        .subject())
                .isEqualTo("Äs Guets, Urs!");
        RenderedMessage austrian = templates.render("birthday", Locale.forLanguageTag("de-AT"), values);
        assertThat(austrian.language()).isEqualTo(Locale.GERMAN);
        assertThat(austrian.body()).isEqualTo("Liebe(r) Urs Meier");
        RenderedMessage french = templates.render("birthday", Locale.FRENCH, values);
        assertThat(french.language()).isEqualTo(Locale.ENGLISH);
        assertThat(french.subject()).isEqualTo("Happy birthday, Urs!");
    }

    @Test
    void placeholderWithoutValueOrDefaultIsRefusedNamingIt() {
        assertThatThrownBy(() -> templates.render("birthday", Locale.ENGLISH, Map.of("company", "Acme")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("values.fullName");
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VALUE);
                });
    }

    @Test
    void unknownTemplateIsNotFoundWithItsNameAndLanguage() {
        assertThatThrownBy(() -> templates.render("anniversary", Locale.GERMAN, Map.of()))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Template anniversary [de]");
    }

    @Test
    void malformedTemplatesAreRefusedWhenTheRendererIsBuilt() {
        assertThatThrownBy(() -> PlainTemplates.builder().template("t", Locale.ENGLISH, "Hi {{name", "body"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("template t [en].subject"))
                .hasMessageContaining("position 3 is not closed");
        assertThatThrownBy(() -> PlainTemplates.builder().template("t", Locale.ENGLISH, "Hi", "{{ 1st }}"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("template t [en].body"))
                .hasMessageContaining("no valid name");
        assertThatThrownBy(() -> PlainTemplates.builder()
                        .template("t", Locale.ENGLISH, "a", "b")
                        .template("t", Locale.ENGLISH, "c", "d"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> PlainTemplates.builder().template("t", Locale.ROOT, "a", "b"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("language"));
    }
}
