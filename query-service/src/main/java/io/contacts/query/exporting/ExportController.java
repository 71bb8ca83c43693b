package io.contacts.query.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.access.AccountMember;
import io.contacts.query.web.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * {@code POST /contacts/export} starts an export job (administrators only; once per {@code Idempotency-Key}, see
 * {@link ExportKey}); {@code GET /data_exports/{id}} follows it; {@code GET /data_exports/{id}/download} serves
 * the file to whoever holds the signed link.
 */
@RestController
class ExportController {

    static final String MESSAGE = "We will notify you once contacts export file is ready to view.";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ExportJobs jobs;
    private final ExportScope scope;
    private final ExportRunner runner;
    private final ExportFiles files;
    private final ExportProperties properties;
    private final ObjectMapper mapper;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();

    ExportController(ExportJobs jobs, ExportScope scope, ExportRunner runner, ExportFiles files,
                     ExportProperties properties, ObjectMapper mapper,
                     @Value("${contacts.public-url}") String publicUrl) {
        this.jobs = jobs;
        this.scope = scope;
        this.runner = runner;
        this.files = files;
        this.properties = properties;
        this.mapper = mapper;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A JSON body, or a form with {@code column_names[]} and {@code label}. */
    @PostMapping("/api/v1/accounts/{accountId}/contacts/export")
    ResponseEntity<Map<String, Object>> export(@PathVariable long accountId, HttpServletRequest request,
                                               @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false)
                                               String contentType,
                                               @RequestParam MultiValueMap<String, String> params,
                                               @RequestBody(required = false) byte[] body) {
        AccountMember member = AccountMember.of(request).requireAdministrator();
        Optional<ExportKey> key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotencyKey.HEADER)))
                .map(value -> ExportKey.of(accountId, member.userId(), value, request.getMethod(),
                        request.getRequestURI(), request.getQueryString(), body));
        if (key.isPresent()) {
            // answered before the request is validated again: a retry gets the first answer, whatever changed since
            Optional<ExportJob> earlier = jobs.requestedWith(key.get());
            if (earlier.isPresent()) {
                return answer(key.get().answeredBy(earlier.get()), true);
            }
        }
        List<String> requested;
        JsonNode payload = null;
        String label;
        if (contentType != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                MediaType.parseMediaType(contentType))) {
            requested = Stream.of("column_names", "column_names[]")
                    .flatMap(name -> params.getOrDefault(name, List.of()).stream()).toList();
            label = params.getFirst("label");
        } else {
            JsonNode json = JsonBody.parse(mapper, body);
            requested = names(json.get("column_names"));
            payload = json.get("payload");
            label = label(json.get("label"));
        }
        // refused now, not when the job runs (Chatwoot accepts it and fails later, silently)
        scope.conditions(accountId, payload, label);
        boolean byPayload = ExportScope.hasConditions(payload);
        String selectedPayload = byPayload ? payload.toString() : null;
        String selectedLabel = byPayload || label == null || label.isBlank() ? null : label.strip();
        long now = clock.millis();
        LongFunction<ExportJob> requestedJob = id -> ExportJob.requested(id, accountId, member.userId(),
                member.email(), ExportColumns.select(requested), selectedPayload, selectedLabel, now,
                now + properties.lease().toMillis());
        if (key.isPresent()) {
            ExportJobs.KeyedJob keyed = jobs.createKeyed(key.get(), requestedJob);
            if (keyed.earlier()) {
                return answer(key.get().answeredBy(keyed.job()), true);
            }
            runner.submit(keyed.job().id());
            return answer(keyed.job(), false);
        }
        ExportJob job;
        do {
            job = requestedJob.apply(ThreadLocalRandom.current().nextLong(1, ExportJob.MAX_ID));
        } while (!jobs.create(job));
        runner.submit(job.id());
        return answer(job, false);
    }

    /** The answer of the request that started the job; a retry with its key gets the same, marked as replayed. */
    private ResponseEntity<Map<String, Object>> answer(ExportJob job, boolean replayed) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", job.id());
        response.put("status", "pending");
        response.put("status_url", publicUrl + statusPath(job.accountId(), job.id()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("Message", MESSAGE);
        if (replayed) {
            answer.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return answer.body(response);
    }

    @ExceptionHandler(InvalidIdempotencyKeyException.class)
    ResponseEntity<Map<String, String>> invalidKey(InvalidIdempotencyKeyException e) {
        return keyError(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key", e);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Map<String, String>> reusedKey(IdempotencyKeyReusedException e) {
        return keyError(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e);
    }

    /** The command-service's answer to the same mistake. */
    private static ResponseEntity<Map<String, String>> keyError(HttpStatus status, String error, RuntimeException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", e.getMessage());
        return ResponseEntity.status(status).body(body);
    }

    /** A string (a number as its text, as Rails casts it) or null; any other type is a 400, not "no label". */
    private static String label(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "label must be a string");
        }
        return node.asText();
    }

    @GetMapping("/api/v1/accounts/{accountId}/data_exports/{id}")
    Map<String, Object> status(@PathVariable long accountId, @PathVariable long id, HttpServletRequest request) {
        AccountMember.of(request).requireAdministrator();
        ExportJob job = find(accountId, id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("status", mapper.convertValue(job.status(), String.class));
        json.put("column_names", job.columnNames());
        json.put("total_records", job.totalRecords());
        json.put("exported_records", job.exportedRecords());
        json.put("progress", job.progress());
        if (job.status() == ExportStatus.FAILED) {
            json.put("error", job.error());
        }
        if (job.status() == ExportStatus.COMPLETED) {
            json.put("download_url", runner.downloadUrl(job));
        }
        json.put("created_at", seconds(job.createdAt()));
        json.put("started_at", seconds(job.startedAt()));
        json.put("completed_at", seconds(job.completedAt()));
        return json;
    }

    /** Reached only with a valid signature (the access filter checks it: {@link DownloadLinks}). */
    @GetMapping("/api/v1/accounts/{accountId}/data_exports/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long accountId, @PathVariable long id) {
        ExportJob job = find(accountId, id);
        Path file = files.file(job);
        if (job.status() != ExportStatus.COMPLETED || !Files.isRegularFile(file)) {
            throw notFound();
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ExportFiles.fileName(job)).build().toString())
                .body(new FileSystemResource(file));
    }

    private ExportJob find(long accountId, long id) {
        return jobs.find(id).map(ExportJobs.Versioned::job).filter(job -> job.accountId() == accountId)
                .orElseThrow(ExportController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Resource could not be found");
    }

    private static String statusPath(long accountId, long id) {
        return "/api/v1/accounts/" + accountId + "/data_exports/" + id;
    }

    /** Epoch seconds, as the contact object's times. */
    private static Long seconds(Long millis) {
        return millis == null ? null : Math.floorDiv(millis, 1000L);
    }

    /** The names of a JSON array (non-texts ignored); a single string is one name. */
    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    names.add(n.textValue());
                }
            });
        } else if (node != null && node.isTextual()) {
            names.add(node.textValue());
        }
        return names;
    }
}
