package io.contacts.query.search;

import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** On an index created with the gram fields: the searches look the text up in the grams. */
@QueryServiceTest
class SubstringOnGramsIT extends SubstringScenarios {

    static final QueryTestFixture fixture = new QueryTestFixture("grams");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @Override
    QueryTestFixture fixture() {
        return fixture;
    }

    @Test
    void aNewIndexIsMarkedAsHavingEveryDocumentsGrams() {
        assertThat(grams.complete()).isTrue();
    }
}
