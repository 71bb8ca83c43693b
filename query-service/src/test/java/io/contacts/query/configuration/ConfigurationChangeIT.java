package io.contacts.query.configuration;

import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An announced configuration change (what the command-service sends after its commit) drops what this instance
 * cached of that account, and this instance's own consumer group then commits past the announcement: the point the
 * announcing write waits for. The cache TTL is an hour here, so only the announcement can explain a new fetch.
 */
@QueryServiceTest(properties = "contacts.access.cache-ttl=1h")
class ConfigurationChangeIT {

    static final QueryTestFixture fixture = new QueryTestFixture("configuration");
    static final CommandServiceStandIn commandService = fixture.commandService();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @LocalServerPort
    int port;

    private String contacts(long accountId) {
        return "/api/v1/accounts/" + accountId + "/contacts";
    }

    @Test
    void anAnnouncementDropsTheAccountsGrantsOnceItsOffsetIsCommitted() throws Exception {
        ApiClient api = new ApiClient(port);
        long changed = fixture.newId();
        long other = fixture.newId();
        for (long account : List.of(changed, other)) {
            assertThat(api.get(contacts(account)).status()).isEqualTo(200);
            assertThat(api.get(contacts(account)).status()).isEqualTo(200);
            assertThat(commandService.calls(CommandServiceStandIn.TOKEN, account)).isEqualTo(1);
        }
        // the reader starts at the end of the topic and commits that position when it gets the partition
        TopicPartition partition = new TopicPartition(fixture.configurationTopic(), 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> readers().size() == 1
                && committed(readers().get(0), partition) >= 0);

        RecordMetadata announced = fixture.announceConfigurationChange(changed);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(readers().get(0), partition) > announced.offset());

        assertThat(api.get(contacts(changed)).status()).isEqualTo(200);
        assertThat(commandService.calls(CommandServiceStandIn.TOKEN, changed)).isEqualTo(2);
        assertThat(api.get(contacts(other)).status()).isEqualTo(200);
        assertThat(commandService.calls(CommandServiceStandIn.TOKEN, other)).isEqualTo(1);
    }

    /** This instance's group: one per instance, named by the prefix and a random part. */
    private static List<String> readers() throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(group -> group.startsWith(fixture.configurationGroupPrefix() + ".")).toList();
        }
    }

    private static long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()));
    }
}
