package io.contacts.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.web.ErrorBody;
import io.contacts.query.web.JsonBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * Operator endpoints (platform token, {@code access/PlatformTokenFilter}): {@code POST .../projection/rebuilds}
 * starts a rebuild of the contacts index from the event store, {@code GET .../rebuilds/{id}} follows it.
 */
@RestController
class RebuildController {

    private static final String PATH = "/platform/api/v1/projection/rebuilds";

    private final ProjectionRebuild rebuild;
    private final RebuildJobs jobs;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    RebuildController(ProjectionRebuild rebuild, RebuildJobs jobs, ObjectMapper mapper) {
        this.rebuild = rebuild;
        this.jobs = jobs;
        this.mapper = mapper;
    }

    @PostMapping(PATH)
    ResponseEntity<Object> start(@RequestBody(required = false) byte[] body) {
        JsonNode options = JsonBody.parse(mapper, body);
        if (!flag(options, "switch_alias") || !flag(options, "keep_old_index")) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .body(ErrorBody.of("switch_alias and keep_old_index must be true or false"));
        }
        ProjectionRebuild.Start start = rebuild.start(options.path("switch_alias").asBoolean(true),
                options.path("keep_old_index").asBoolean(false));
        if (!start.started()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                    "error", "A projection rebuild is already running", "running", render(start.job())));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(render(start.job()));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<Object> show(@PathVariable String id) {
        if (!id.matches("\\d{1,16}")) {
            return notFound();
        }
        return jobs.find(Long.parseLong(id)).<ResponseEntity<Object>>map(job -> ResponseEntity.ok(render(job)))
                .orElseGet(RebuildController::notFound);
    }

    private Map<String, Object> render(RebuildJob job) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = mapper.convertValue(job, Map.class);
        long now = clock.millis();
        if (RebuildJob.RUNNING.equals(job.status()) && !job.running(now)) {
            json.put("status", RebuildJob.FAILED);
            json.put("error", "abandoned: the instance running it stopped");
        }
        json.put("contacts_per_second", Math.round(job.contactsPerSecond(now)));
        return json;
    }

    private static boolean flag(JsonNode options, String name) {
        return !options.has(name) || options.get(name).isBoolean();
    }

    private static ResponseEntity<Object> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorBody.of("Resource could not be found"));
    }
}
