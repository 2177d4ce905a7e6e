package org.equalityledger.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text of the site in the five languages: each bundle has the same keys in every language, no
 * empty text, every pattern parses, and no longer English text was left untranslated.
 */
class BundlesTest {

    static List<String> bundles() throws IOException {
        Object basenames = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
                .get(0).getProperty("spring.messages.basename");
        List<String> names = new ArrayList<>();
        for (String name : String.valueOf(basenames).split(",")) {
            names.add(name.strip());
        }
        return names;
    }

    private static Properties load(String basename, String suffix) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(basename + suffix + ".properties")) {
            assertThat(in).as(basename + suffix + ".properties").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void every_text_is_in_five_languages(String basename) throws IOException {
        Properties english = load(basename, "");
        for (String language : List.of("fr", "es", "ru", "ar")) {
            Properties other = load(basename, "_" + language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(basename + "_" + language + " keys")
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                String text = other.getProperty(key);
                assertThat(text).as(basename + "_" + language + " " + key).isNotBlank();
                new MessageFormat(text);
                String original = english.getProperty(key);
                if (original.length() > 24 && !original.contains("{") && original.contains(" ")) {
                    assertThat(text).as(basename + "_" + language + " " + key + " is still English").isNotEqualTo(original);
                }
            }
        }
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(basename + " " + key).isNotBlank();
            new MessageFormat(english.getProperty(key));
        }
    }
}
