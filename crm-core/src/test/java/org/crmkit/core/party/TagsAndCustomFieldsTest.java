package org.crmkit.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.junit.jupiter.api.Test;

class TagsAndCustomFieldsTest {

    @Test
    void tagsAreNormalisedAndCaseInsensitive() {
        Tags tags = Tags.NONE.with("  VIP   Customer ").with("vip customer").with("Newsletter");

        assertThat(tags.values()).containsExactly("newsletter", "vip customer");
        assertThat(tags.has("VIP CUSTOMER")).isTrue();
        assertThat(tags.hasAll(List.of("newsletter", "Vip Customer"))).isTrue();
        assertThat(tags.without("NEWSLETTER").values()).containsExactly("vip customer");
    }

    @Test
    void aMalformedTagIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Tags.NONE.with("#hash"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tag"));
        assertThatThrownBy(() -> Tags.NONE.with(" "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tag"));
        assertThatThrownBy(() -> Tags.NONE.with("x".repeat(51)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tag"));
    }

    @Test
    void customFieldKeysAreLowerCasedAndValidated() {
        assertThat(CustomFieldKey.of(" Shoe_Size ").value()).isEqualTo("shoe_size");
        assertThatThrownBy(() -> CustomFieldKey.of("1st"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customField.key"));
        assertThatThrownBy(() -> CustomFieldKey.of("shoe size"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customField.key"));
    }

    @Test
    void numbersAreTheSameRegardlessOfScale() {
        assertThat(CustomFieldValue.number(new BigDecimal("1.0"))
                        .sameAs(CustomFieldValue.number(new BigDecimal("1.00"))))
                .isTrue();
        assertThat(CustomFieldValue.number(1).sameAs(CustomFieldValue.text("1")))
                .isFalse();
    }

    @Test
    void numbersDatesAndMoneyInOneCurrencyCanBeOrdered() {
        assertThat(CustomFieldValue.number(5).compareWith(CustomFieldValue.number(3)))
                .hasValueSatisfying(c -> assertThat(c).isPositive());
        assertThat(CustomFieldValue.date(LocalDate.of(2020, 1, 1))
                        .compareWith(CustomFieldValue.date(LocalDate.of(2021, 1, 1))))
                .hasValueSatisfying(c -> assertThat(c).isNegative());
        assertThat(CustomFieldValue.money(Money.of("10", "EUR"))
                        .compareWith(CustomFieldValue.money(Money.of("10.00", "EUR"))))
                .contains(0);
    }

    @Test
    void textFlagsAndMixedCurrenciesCannotBeOrdered() {
        assertThat(CustomFieldValue.text("a").compareWith(CustomFieldValue.text("b")))
                .isEmpty();
        assertThat(CustomFieldValue.bool(true).compareWith(CustomFieldValue.bool(false)))
                .isEmpty();
        assertThat(CustomFieldValue.money(Money.of("1", "EUR"))
                        .compareWith(CustomFieldValue.money(Money.of("1", "USD"))))
                .isEmpty();
        assertThat(CustomFieldValue.number(1).compareWith(CustomFieldValue.date(LocalDate.of(2020, 1, 1))))
                .isEmpty();
    }

    @Test
    void aMissingCustomFieldValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CustomFieldValue.number(null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customField.value"));
    }

    @Test
    void customFieldsReplaceAValueOfAnyType() {
        CustomFieldKey size = CustomFieldKey.of("size");
        CustomFields fields =
                CustomFields.NONE.with(size, CustomFieldValue.text("large")).with(size, CustomFieldValue.number(42));

        assertThat(fields.get(size)).contains(CustomFieldValue.number(42));
        assertThat(fields.without(size).values()).isEmpty();
    }
}
