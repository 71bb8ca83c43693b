package io.contacts.command.contact;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Axon's JDBC event store (auto-configured from the DataSource) needs beyond its defaults on PostgreSQL. */
@Configuration
class EventStoreConfiguration {

    /**
     * Two appends of one sequence number must surface as Axon's ConcurrencyException, which {@link ContactCommands}
     * retries. Axon's default JDBC resolver only knows {@code SQLIntegrityConstraintViolationException}, which the
     * PostgreSQL driver never throws; PostgreSQL says so with SQLSTATE 23505 (unique_violation). The resolver sits in
     * Axon's jpa package but reads nothing but the SQLSTATE.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }
}
