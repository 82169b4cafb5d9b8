package org.crmkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.spi.RenderedMessage;

/**
 * Any template text is compiled and rendered, or refused naming the template or the missing value. Jazzer replays
 * the committed inputs under {@code src/test/resources/org/crmkit/core/template/PlainTemplatesFuzzTestInputs} in
 * the normal test run.
 */
class PlainTemplatesFuzzTest {

    /** The first line is the template; every later line {@code name=value} is a value to render it with. */
    @FuzzTest(maxDuration = "2m")
    void aTemplateRendersOrIsRefusedByName(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String template = lines[0];
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int equals = lines[i].indexOf('=');
            if (equals > 0) {
                values.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
            }
        }
        PlainTemplates templates;
        try {
            templates = PlainTemplates.builder()
                    .template("fuzz", Locale.ENGLISH, template, template)
                    .build();
        } catch (InvalidValueException refused) {
            assertThat(refused.field()).startsWith("template fuzz [en]");
            return;
        }
        RenderedMessage message;
        try {
            message = templates.render("fuzz", Locale.GERMAN, values);
        } catch (InvalidValueException refused) {
            assertThat(refused.field()).startsWith("values.");
            return;
        }
        assertThat(message.subject()).isEqualTo(message.body());
        assertThat(message.language()).isEqualTo(Locale.ENGLISH);
        if (!template.contains("{{")) {
            assertThat(message.body()).isEqualTo(template);
        }
    }
}
