package io.contacts.command.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/** The DataSource every part of the service uses, with the request bound of {@link RequestTimeoutDataSource}. */
@Configuration
class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor requestTimeoutDataSource(
            @Value("${contacts.database.request-timeout}") Duration timeout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof RequestTimeoutDataSource)
                        ? new RequestTimeoutDataSource(dataSource, timeout) : bean;
            }
        };
    }
}
