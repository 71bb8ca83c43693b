package io.contacts.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.impl.nio.reactor.IOReactorConfig;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The clients by use (Spring Boot's own ElasticsearchClient gives way to them); the interactive one by default. */
@Configuration
class ElasticsearchConfiguration {

    @Bean
    ElasticsearchClients elasticsearchClients(ElasticsearchTransport transport, ElasticsearchLimits limits) {
        return new ElasticsearchClients(transport, limits);
    }

    /** What a class gets when it asks for no particular use: the read limits. */
    @Bean
    @Primary
    ElasticsearchClient elasticsearchClient(ElasticsearchClients clients) {
        return clients.of(ElasticsearchUse.READ);
    }

    /**
     * Enough connections for every bulkhead together, so that a call never waits for one; timeouts checked every
     * 100 ms (the I/O reactor's default, 1 s, rounds a time limit up to the next second).
     */
    @Bean
    RestClientBuilderCustomizer connectionPool(ElasticsearchLimits limits) {
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(RestClientBuilder builder) {
            }

            @Override
            public void customize(HttpAsyncClientBuilder builder) {
                builder.setMaxConnTotal(limits.connections()).setMaxConnPerRoute(limits.connections())
                        .setDefaultIOReactorConfig(IOReactorConfig.custom().setSelectInterval(100).build());
            }
        };
    }
}
