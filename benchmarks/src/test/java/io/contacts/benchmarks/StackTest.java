package io.contacts.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackTest {

    private static final Map<String, String> ENV = Map.of("CONTACTS_URL", "http://127.0.0.1:8080",
            "CONTACTS_PLATFORM_TOKEN", "secret", "CONTACTS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/contacts");

    @Test
    void anotherDatabaseOnTheSameServer() {
        assertThat(Stack.from(ENV).dbUrl("chatwoot_bench_100000"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/chatwoot_bench_100000");
    }

    @Test
    void defaultsTheDatabaseRoleToTheStacks() {
        assertThat(Stack.from(ENV).dbUser()).isEqualTo("contacts");
    }

    @Test
    void saysWhatToStartWhenTheStackIsNotDescribed() {
        assertThatThrownBy(() -> Stack.from(Map.of())).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("CONTACTS_URL is not set").hasMessageContaining("infra/stack.sh up");
    }
}
