package io.contacts.benchmarks.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.write.WriteBodies;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final WriteBodies bodies = new WriteBodies(3, 123456);

    @Test
    void aClientsFirstBatchIsAllNewAndMatchesByEmail() throws Exception {
        BatchPlan.Batch first = new BatchPlan(bodies, 4, new AtomicInteger()).batch(0, null);
        assertThat(first.matchBy()).isEqualTo("email");
        assertThat(first.created()).containsExactly(0, 1, 2, 3);
        assertThat(first.updated()).isEmpty();
        JsonNode body = mapper.readTree(first.json());
        assertThat(body.path("match_by").asText()).isEqualTo("email");
        assertThat(body.path("contacts")).hasSize(4);
        assertThat(body.path("contacts").get(2).path("email").asText()).isEqualTo(bodies.email(2));
        assertThat(body.path("contacts").get(2).path("identifier").asText()).isEqualTo(bodies.identifier(2));
    }

    @Test
    void thenHalfUpdatesOfThePreviousBatchsContactsByTheOtherKey() throws Exception {
        BatchPlan plan = new BatchPlan(bodies, 4, new AtomicInteger());
        BatchPlan.Batch second = plan.batch(1, plan.batch(0, null));
        assertThat(second.matchBy()).isEqualTo("identifier");
        assertThat(second.updated()).containsExactly(0, 1);
        assertThat(second.created()).containsExactly(4, 5);
        JsonNode update = mapper.readTree(second.json()).path("contacts").get(1);
        assertThat(update.path("identifier").asText()).isEqualTo(bodies.identifier(1));
        assertThat(update.has("email")).isFalse();
        assertThat(update.path("name").asText()).isEqualTo(plan.updatedName(1));
        JsonNode created = mapper.readTree(second.json()).path("contacts").get(2);
        assertThat(created.path("email").asText()).isEqualTo(bodies.email(4));
    }

    @Test
    void clientsNeverShareAContact() {
        AtomicInteger next = new AtomicInteger();
        BatchPlan plan = new BatchPlan(bodies, 500, next);
        Set<Integer> created = new HashSet<>();
        BatchPlan.Batch[] last = new BatchPlan.Batch[4];
        for (int b = 0; b < 3; b++) {
            for (int client = 0; client < 4; client++) {
                last[client] = plan.batch(b, last[client]);
                assertThat(last[client].size()).isEqualTo(500);
                last[client].created().forEach(contact -> assertThat(created.add(contact)).isTrue());
                assertThat(created).containsAll(last[client].updated());
            }
        }
        assertThat(created).hasSize(4 * 500 + 8 * 250);
        assertThat(plan.batch(3, last[0]).matchBy()).isEqualTo("identifier");
    }
}
