package io.contacts.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the contacts live in Elasticsearch: readers and writers use the alias; the concrete index behind it carries
 * the mapping version, so a new mapping is a new index filled by a replay and then a switch of the alias.
 */
@ConfigurationProperties("contacts.elasticsearch")
public record IndexProperties(String alias) {

    private static final String MAPPING_VERSION = "-v1";

    public String concreteIndex() {
        return alias + MAPPING_VERSION;
    }
}
