package org.crmkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalizedTemplatesTest {

    private static final TemplateRenderer DEFAULTS = LocalizedTemplates.defaults();

    private static RenderedMessage render(String template, String language, Map<String, String> values) {
        return DEFAULTS.render(template, Locale.forLanguageTag(language), values);
    }

    /** ICU separates thousands and currency with no-break spaces; the tests compare with plain ones. */
    private static String plainSpaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @ParameterizedTest
    @CsvSource({
        "pl, 1, 1 rok razem",
        "pl, 2, 2 lata razem",
        "pl, 5, 5 lat razem",
        "pl, 22, 22 lata razem",
        "ru, 1, 1 год вместе",
        "ru, 2, 2 года вместе",
        "ru, 5, 5 лет вместе",
        "ru, 22, 22 года вместе",
        "ru, 21, 21 год вместе",
        "fi, 1, 1 vuosi yhdessä",
        "fi, 22, 22 vuotta yhdessä",
        "en, 1, 1 year together",
        "en, 7, 7 years together",
        "de, 1, 1 Jahr gemeinsam",
        "zh, 5, 相伴5年"
    })
    void anniversarySubjectsTakeThePluralFormOfTheirLanguage(String language, String years, String subject) {
        assertThat(render("customer-anniversary-greeting", language, Map.of("years", years, "fullName", "X"))
                        .subject())
                .isEqualTo(subject);
    }

    @Test
    void polishAnniversaryBodyUsesTheGenitiveAfterOd() {
        assertThat(render("customer-anniversary-greeting", "pl", Map.of("years", "5", "fullName", "Anna Nowak"))
                        .body())
                .isEqualTo("Dzień dobry, Anna Nowak!\n\nDziękujemy, że są Państwo z nami od 5 lat!");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Please pay by February 17, 2026. | €1,234.50 | 2 invoices are",
                "de | Bitte zahlen Sie bis zum 17. Februar 2026. | 1.234,50 € | 2 Rechnungen sind",
                "pl | Prosimy o zapłatę do 17 lutego 2026. | 1 234,50 € | 2 faktury są nieopłacone",
                "ru | Срок оплаты: 17 февраля 2026 г. | 1 234,50 € | 2 неоплаченных счёта",
                "fi | Pyydämme maksamaan viimeistään 17. helmikuuta 2026. | 1 234,50 € | 2 laskua on",
                "zh | 请于2026年2月17日前付款。 | €1,234.50 | 您有2张"
            })
    void dunningNoticeFormatsDatesMoneyAndPluralsPerLocale(
            String language, String deadline, String total, String invoices) {
        RenderedMessage notice = render(
                "dunning-notice",
                language,
                Map.of(
                        "level", "2",
                        "accountName", "Acme",
                        "recipient", "Ada",
                        "invoiceCount", "2",
                        "total", "EUR 1234.50",
                        "paymentDeadline", "2026-02-17"));

        assertThat(plainSpaces(notice.body())).contains(deadline, total, invoices);
        assertThat(notice.language()).isEqualTo(Locale.forLanguageTag(language));
    }

    @Test
    void firstDunningLevelIsAReminderAndLaterOnesAreNumbered() {
        Map<String, String> values = Map.of(
                "level", "1",
                "accountName", "Acme",
                "recipient", "Ada",
                "invoiceCount", "1",
                "total", "PLN 10.00",
                "paymentDeadline", "2026-06-04");

        assertThat(render("dunning-notice", "pl", values).subject()).isEqualTo("Przypomnienie o płatności - Acme");
        assertThat(plainSpaces(render("dunning-notice", "pl", values).body()))
                .contains("1 faktura jest nieopłacona", "10,00 zł");
        assertThat(render(
                                "dunning-notice",
                                "de",
                                Map.of(
                                        "level", "3",
                                        "accountName", "Acme",
                                        "recipient", "Ada",
                                        "invoiceCount", "1",
                                        "total", "EUR 10.00",
                                        "paymentDeadline", "2026-06-04"))
                        .subject())
                .isEqualTo("3. Mahnung - Acme");
    }

    @ParameterizedTest
    @CsvSource({
        "zh, spring_festival, 新春快乐！",
        "zh, mid_autumn_festival, 中秋快乐！",
        "pl, independence_day, Narodowe Święto Niepodległości",
        "ru, independence_day, С Днём России!",
        "fi, independence_day, Hyvää itsenäisyyspäivää!",
        "fi, epiphany, Hyvää juhlapäivää!"
    })
    void holidayGreetingNamesTheHolidayInTheContactsLanguage(String language, String key, String subject) {
        assertThat(render(
                                "holiday-greeting",
                                language,
                                Map.of("holidayKey", key, "holiday", "English name", "fullName", "X"))
                        .subject())
                .isEqualTo(subject);
    }

    @Test
    void languageFallsBackFromTheRegionToTheLanguageToEnglish() {
        Map<String, String> values = Map.of("firstName", "Wei", "fullName", "Wang Wei");

        assertThat(render("birthday-greeting", "zh-CN", values).language()).isEqualTo(Locale.forLanguageTag("zh"));
        assertThat(render("birthday-greeting", "ja", values).subject()).isEqualTo("Happy birthday, Wei!");
    }

    @Test
    void optionalValuesRenderEmptyAndRequiredOnesAreNamedWhenMissing() {
        assertThat(render("birthday-greeting", "fi", Map.of("fullName", "Aino Virtanen"))
                        .subject())
                .isEqualTo("Hyvää syntymäpäivää, !");
        assertThat(render("birthday-greeting", "fi", Map.of("fullName", "A", "offer", " Koodi: X"))
                        .body())
                .endsWith("syntymäpäivänäsi! Koodi: X");
        assertThat(render("holiday-greeting", "fi", Map.of("fullName", "A", "holidayKey", "christmas_day"))
                        .body())
                .endsWith("joulua!");
        assertThatThrownBy(() -> render("birthday-greeting", "fi", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("birthday-greeting [fi]", "fullName"));
    }

    @Test
    void aPluralValueThatIsNoNumberIsRefused() {
        assertThatThrownBy(
                        () -> render("customer-anniversary-greeting", "ru", Map.of("years", "many", "fullName", "X")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("'many'", "'years'"));
    }

    @Test
    void hostTemplatesReplaceDefaultsAndMalformedPatternsAreRefused() {
        LocalizedTemplates templates = LocalizedTemplates.builder()
                .addDefaults()
                .template("birthday-greeting", Locale.forLanguageTag("pl"), "Sto lat, {firstName}!", "{fullName}")
                .build();

        assertThat(templates
                        .render(
                                "birthday-greeting",
                                Locale.forLanguageTag("pl"),
                                Map.of("firstName", "Ola", "fullName", "O"))
                        .subject())
                .isEqualTo("Sto lat, Ola!");
        assertThatThrownBy(() -> LocalizedTemplates.builder().template("x", Locale.ENGLISH, "{unclosed", "b"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("template x [en].subject"));
    }
}
