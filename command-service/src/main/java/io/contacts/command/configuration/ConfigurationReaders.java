package io.contacts.command.configuration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListConsumerGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query-service instances that cache account configuration: each reads the announcements in a consumer group of
 * its own ({@code <group prefix>.<random>}) and commits past a record once it has dropped what the record names. A
 * group with live members (state Stable) is a running instance; a stopped or crashed one leaves its group Empty.
 */
@Component
class ConfigurationReaders {

    private final Admin admin;
    private final ConfigurationChangeProperties properties;
    private final Clock clock = Clock.systemUTC();

    ConfigurationReaders(Admin admin, ConfigurationChangeProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    /** Whether every running instance read past {@code offset} of the partition before the deadline. */
    boolean awaitAllPast(TopicPartition partition, long offset, Instant deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            if (allPast(partition, offset, deadline)) {
                return true;
            }
            if (!clock.instant().plus(properties.pollInterval()).isBefore(deadline)) {
                return false;
            }
            Thread.sleep(properties.pollInterval().toMillis());
        }
    }

    private boolean allPast(TopicPartition partition, long offset, Instant deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = admin.listConsumerGroups(new ListConsumerGroupsOptions()
                        .inStates(Set.of(ConsumerGroupState.STABLE)).timeoutMs(remaining(deadline)))
                .all().get(remaining(deadline), TimeUnit.MILLISECONDS).stream()
                .map(ConsumerGroupListing::groupId)
                .filter(group -> group.startsWith(properties.groupPrefix() + "."))
                .toList();
        if (groups.isEmpty()) {
            return true;
        }
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(
                        groups.stream().collect(Collectors.toMap(Function.identity(), group -> spec)),
                        new ListConsumerGroupOffsetsOptions().timeoutMs(remaining(deadline)))
                .all().get(remaining(deadline), TimeUnit.MILLISECONDS);
        return committed.values().stream().allMatch(offsets -> {
            OffsetAndMetadata position = offsets.get(partition);
            return position != null && position.offset() > offset;
        });
    }

    private int remaining(Instant deadline) {
        return (int) Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    }
}
