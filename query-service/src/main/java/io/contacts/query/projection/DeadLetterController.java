package io.contacts.query.projection;

import io.contacts.query.web.ErrorBody;
import io.contacts.query.web.ServiceUnavailableException;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operator endpoints (the platform token, checked by the filter): look at the dead letters, replay them. */
@RestController
@RequestMapping("/platform/api/v1/projection/dead_letters")
class DeadLetterController {

    private static final int MAX_LIMIT = 100;

    private final ConsumerFactory<?, ?> consumers;
    private final DeadLetterProperties properties;
    private final DeadLetterReplay replay;

    DeadLetterController(ConsumerFactory<?, ?> consumers, DeadLetterProperties properties, DeadLetterReplay replay) {
        this.consumers = consumers;
        this.properties = properties;
        this.replay = replay;
    }

    /** How many wait for a replay, and the first {@code limit} of them (nothing is consumed). */
    @GetMapping
    ResponseEntity<?> pending(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            return ResponseEntity.badRequest().body(ErrorBody.of("limit must be between 0 and " + MAX_LIMIT));
        }
        try (DeadLetterCursor cursor = new DeadLetterCursor(consumers, properties)) {
            long pending = cursor.pending();
            List<Map<String, Object>> first = limit == 0 ? List.of()
                    : cursor.next(limit).stream().map(DeadLetterJson::of).toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("topic", properties.topic());
            json.put("pending", pending);
            json.put("dead_letters", first);
            return ResponseEntity.ok(json);
        } catch (KafkaException e) {
            throw new ServiceUnavailableException("Cannot read the dead letters now: " + e.getMessage(), e);
        }
    }

    /** Replays the pending dead letters, or only the first {@code max} of them. */
    @PostMapping("/replay")
    ResponseEntity<?> replay(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long max) {
        if (max < 1) {
            return ResponseEntity.badRequest().body(ErrorBody.of("max must be at least 1"));
        }
        DeadLetterReplay.Replayed done = replay.replay(max);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("replayed", done.replayed());
        json.put("applied", done.applied());
        json.put("duplicates", done.duplicates());
        json.put("dead_lettered_again", done.deadLettered());
        json.put("remaining", done.remaining());
        return ResponseEntity.ok(json);
    }

    @ExceptionHandler(DeadLetterReplay.ReplayRunningException.class)
    ResponseEntity<Map<String, String>> running(DeadLetterReplay.ReplayRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ErrorBody.of(e.getMessage()));
    }
}
