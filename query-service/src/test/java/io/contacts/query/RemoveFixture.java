package io.contacts.query;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Removes the {@link QueryTestFixture} that gave the context its alias when the context closes: beans are destroyed
 * after the consumers stopped.
 */
@TestConfiguration(proxyBeanMethods = false)
class RemoveFixture {

    @Bean
    DisposableBean removeFixture(@Value("${contacts.elasticsearch.alias}") String alias) {
        return QueryTestFixture.registered(alias)::close;
    }
}
