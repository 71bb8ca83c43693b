package io.contacts.query.search;

import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** On an index created with the gram fields: the searches look the text up in the grams. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SubstringOnGramsIT extends SubstringScenarios {

    static final QueryTestFixture fixture = new QueryTestFixture("grams");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @TestConfiguration
    static class RemoveFixture {
        @Bean
        DisposableBean removeFixture() {
            return fixture::close;
        }
    }

    @Autowired
    IndexedGrams grams;

    @Override
    QueryTestFixture fixture() {
        return fixture;
    }

    @Test
    void aNewIndexIsMarkedAsHavingEveryDocumentsGrams() {
        assertThat(grams.complete()).isTrue();
    }
}
