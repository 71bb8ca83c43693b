package io.contacts.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.contacts.events.schema.ContactEventSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every released schema (a copy in {@code src/test/resources/schema-baseline/}) against the one this jar ships in
 * {@code schemas/}: a type may only grow optional fields. A breaking change is a new {@code .v2} type with schemas of
 * its own, published alongside the {@code .v1} one for a deprecation period; the baseline of {@code .v1} stays.
 * Releasing a new type means committing a copy of its schema to the baseline directory.
 */
class SchemaBaselineTest {

    private static final String BASELINE = "schema-baseline";
    private static final String CURRENT = "schemas";

    @TestFactory
    Stream<DynamicTest> everyReleasedSchemaIsStillShippedAndCompatible() {
        List<String> released = files(BASELINE);
        assertThat(released).as("the baseline directory holds the released schemas").isNotEmpty();
        return released.stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertThat(problems(resource(BASELINE + "/" + name), resource(CURRENT + "/" + name)))
                        .as("%s: make a new .v2 type instead", name).isEmpty()));
    }

    @Test
    void aReleasedSchemaThatIsNoLongerShippedFails() {
        assertThat(problems(resource(BASELINE + "/contact.created.v1.json"), null))
                .containsExactly("no longer shipped: a released type stays until its deprecation period ends");
    }

    /** What breaks subscribers of a released schema; {@code current} is null when the jar no longer ships it. */
    static List<String> problems(URL released, URL current) {
        if (current == null) {
            return List.of("no longer shipped: a released type stays until its deprecation period ends");
        }
        return SchemaCompatibility.breakingChanges(read(released), read(current));
    }

    @Test
    void everyShippedSchemaHasABaseline() {
        assertThat(files(BASELINE)).as("copy each new schema to src/test/resources/" + BASELINE + " when released")
                .containsAll(files(CURRENT));
    }

    private static List<String> files(String directory) {
        URL url = resource(directory);
        assertThat(url).as(directory + " on the test class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        return SchemaBaselineTest.class.getClassLoader().getResource(name);
    }

    private static JsonNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
