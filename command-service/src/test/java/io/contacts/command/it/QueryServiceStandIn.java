package io.contacts.command.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contacts.events.CloudEventHeaders;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the query-service: its internal presence check (every contact is offline unless told otherwise, and a
 * contact marked broken gets a 500; every other request gets a 404), and its searchable notices: every event marked
 * awaited is announced searchable at once (with the presence set here) unless the announcements are paused.
 */
final class QueryServiceStandIn {

    enum Presence { ONLINE, BROKEN }

    private static final Pattern PRESENCE = Pattern.compile("^/internal/v1/accounts/\\d+/contacts/(\\d+)/presence$");

    private final HttpServer server;
    private final Map<Long, Presence> presence = new ConcurrentHashMap<>();
    private volatile boolean announcing = true;

    QueryServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void set(long contactId, Presence state) {
        presence.put(contactId, state);
    }

    /** Paused, no write becomes searchable: each waits for its read-your-writes timeout. */
    void announcing(boolean on) {
        announcing = on;
    }

    /** Reads {@code eventsTopic} from its start and announces its awaited events on {@code searchableTopic}. */
    void announce(String eventsTopic, String searchableTopic) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it-query-stand-in-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new ByteArrayDeserializer());
                 KafkaProducer<String, byte[]> notices = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                         ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
                events.subscribe(List.of(eventsTopic));
                while (true) {
                    for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(100))) {
                        if (announcing && event.headers().lastHeader(CloudEventHeaders.AWAITED) != null) {
                            long id = Long.parseLong(event.key());
                            String sequence = new String(event.headers().lastHeader(CloudEventHeaders.SEQUENCE)
                                    .value(), StandardCharsets.UTF_8);
                            notices.send(new ProducerRecord<>(searchableTopic, ("{\"contacts\":[{\"id\":" + id
                                    + ",\"sequence\":" + sequence + ",\"online\":"
                                    + (presence.get(id) == Presence.ONLINE) + "}]}").getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }, "query-service-stand-in");
        thread.setDaemon(true);
        thread.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher path = PRESENCE.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            respond(exchange, 404, "{\"error\":\"Not found\"}");
            return;
        }
        Presence state = presence.get(Long.parseLong(path.group(1)));
        if (state == Presence.BROKEN) {
            respond(exchange, 500, "{\"error\":\"Internal server error\"}");
        } else {
            respond(exchange, 200, "{\"online\":" + (state == Presence.ONLINE) + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
