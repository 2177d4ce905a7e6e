package org.equalityledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Names in five languages: the reference documents' three required, Russian and Arabic given where known. */
class LocalizedNameTest {

    static final LocalizedName THREE = new LocalizedName("Care", "Cuidados", "Soins", null, null);
    static final LocalizedName FIVE = new LocalizedName("Care", "Cuidados", "Soins", "Уход", "الرعاية");

    @Test
    void russian_and_arabic_may_be_missing_but_never_blank() {
        assertThatCode(() -> Checks.check(c -> LocalizedName.check(c, "names", THREE))).doesNotThrowAnyException();
        assertThatCode(() -> Checks.check(c -> LocalizedName.check(c, "names", FIVE))).doesNotThrowAnyException();
        InvalidCommandException e = catchThrowableOfType(() -> Checks.check(c -> LocalizedName.check(c, "names",
                new LocalizedName(null, "Cuidados", "Soins", " ", ""))), InvalidCommandException.class);
        assertThat(e.errors().stream().map(FieldError::field)).containsExactly("names.en", "names.ru", "names.ar");
    }

    @Test
    void names_by_language() {
        assertThat(FIVE.in("ar")).isEqualTo("الرعاية");
        assertThat(THREE.in("ru")).isNull();
        assertThat(THREE.in("de")).isNull();
        assertThat(THREE.given()).containsExactly(Map.entry("en", "Care"), Map.entry("fr", "Soins"),
                Map.entry("es", "Cuidados"));
        assertThat(FIVE.given().keySet()).containsExactlyElementsOf(List.of("en", "fr", "es", "ru", "ar"));
    }
}
