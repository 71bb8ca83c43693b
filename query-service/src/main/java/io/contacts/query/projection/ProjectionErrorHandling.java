package io.contacts.query.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What the listener throws is Elasticsearch being unreachable or overloaded, or the dead-letter topic not taking a
 * record (events it cannot apply are dead-lettered inside), so the batch is retried with backoff for as long as it
 * takes: skipping it would lose events.
 */
@Configuration
class ProjectionErrorHandling {

    @Bean
    CommonErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    NewTopic deadLetterTopic(DeadLetterProperties properties) {
        return DeadLetters.topic(properties);
    }
}
