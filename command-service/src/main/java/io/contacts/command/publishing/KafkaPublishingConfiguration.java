package io.contacts.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class KafkaPublishingConfiguration {

    /** Created at start-up by Spring Kafka's admin when missing (one broker here, so one replica). */
    @Bean
    NewTopic contactEventsTopic(KafkaPublishingProperties properties) {
        return TopicBuilder.name(properties.eventsTopic()).partitions(properties.partitions()).replicas(1).build();
    }

    /** Compacted: the last state per contact stays, a tombstone removes the contact after delete.retention.ms. */
    @Bean
    NewTopic contactStateTopic(KafkaPublishingProperties properties) {
        return TopicBuilder.name(properties.stateTopic()).partitions(properties.partitions()).replicas(1).compact()
                .build();
    }

    @Bean
    ConfigurerModule publisherProcessors(KafkaPublishingProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> {
            PublisherProcessor.register(processing, PublisherProcessor.EVENTS, properties.publisher());
            PublisherProcessor.register(processing, PublisherProcessor.STATE, properties.statePublisher());
        });
    }
}
