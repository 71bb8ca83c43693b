package io.contacts.query.exporting;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.contact.ContactRendering;
import io.contacts.query.filter.InvalidFilterException;
import io.contacts.query.projection.ContactDocument;
import io.contacts.query.web.ServiceUnavailableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs export jobs on a bounded pool ({@code contacts.exports.concurrency}): claims the job, streams the matching
 * contacts page by page into the CSV file (memory holds one page, whatever the size), renews its lease and records
 * progress with every page, then completes the job and emails the link. A job is always written from its first row:
 * one resumed after a crash starts over.
 */
@Component
class ExportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);

    /** Another instance took the job over (this one had lost its lease): stop without touching it. */
    private static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super(null, null, false, false);
        }
    }

    private final ExportJobs jobs;
    private final ExportScope scope;
    private final ExportFiles files;
    private final ExportMail mail;
    private final DownloadLinks links;
    private final ContactReader reader;
    private final ContactRendering rendering;
    private final ObjectMapper json;
    private final ExportProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService pool;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    ExportRunner(ExportJobs jobs, ExportScope scope, ExportFiles files, ExportMail mail, DownloadLinks links,
                 ContactReader reader, ContactRendering rendering, ObjectMapper json, ExportProperties properties) {
        this.jobs = jobs;
        this.scope = scope;
        this.files = files;
        this.mail = mail;
        this.links = links;
        this.reader = reader;
        this.rendering = rendering;
        this.json = json;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "export-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the job unless it waits in this instance's queue already. */
    void submit(long jobId) {
        if (queued.add(jobId)) {
            pool.execute(() -> {
                try {
                    run(jobId);
                } catch (RuntimeException e) {
                    log.warn("Export {} could not run now (retried when its lease runs out): {}", jobId,
                            e.getMessage());
                } finally {
                    queued.remove(jobId);
                }
            });
        }
    }

    /** The links of a completed job expire {@code link-ttl} after it completed. */
    String downloadUrl(ExportJob job) {
        return links.url(job.accountId(), job.id(),
                Instant.ofEpochMilli(job.completedAt()).plus(properties.linkTtl()));
    }

    private void run(long jobId) {
        ExportJobs.Versioned found = jobs.find(jobId).orElse(null);
        long now = clock.millis();
        if (found == null || found.job().finished()
                || (found.job().status() == ExportStatus.PROCESSING && found.job().leaseUntil() >= now)) {
            return;
        }
        ExportJobs.Versioned claimed = jobs.replace(found, found.job().started(now, leaseFrom(now))).orElse(null);
        if (claimed == null) {
            return;
        }
        if (found.job().status() == ExportStatus.PROCESSING) {
            log.info("Export {} was abandoned while processing; running it again from the start", jobId);
        }
        AtomicReference<ExportJobs.Versioned> current = new AtomicReference<>(claimed);
        try {
            export(current);
        } catch (LeaseLostException e) {
            log.info("Export {} was taken over by another instance", jobId);
        } catch (InvalidFilterException e) {
            fail(current.get(), e.getMessage());
        } catch (ServiceUnavailableException e) {
            // Elasticsearch or the command-service is down for now: the job keeps its status and runs again when
            // its lease has run out
            log.warn("Export {} interrupted (run again in {}): {}", jobId, properties.lease(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Export {} failed", jobId, e);
            fail(current.get(), "The export failed: " + e.getMessage());
        }
    }

    private void export(AtomicReference<ExportJobs.Versioned> current) throws IOException {
        ExportJob job = current.get().job();
        List<Query> conditions = scope.conditions(job.accountId(), payload(job), job.label());
        List<String> columns = job.columnNames();
        boolean render = ExportColumns.needsRendering(columns);
        Path partial = files.partial(job);
        long exported;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get()
                     .print(writer)) {
            exported = reader.scan(job.accountId(), conditions, properties.pageSize(), (contacts, total) -> {
                List<Map<String, Object>> rendered = render
                        ? rendering.page(job.accountId(), contacts, false) : List.of();
                for (int i = 0; i < contacts.size(); i++) {
                    ContactDocument contact = contacts.get(i);
                    Map<String, Object> contactJson = render ? rendered.get(i) : Map.of();
                    for (String column : columns) {
                        csv.print(ExportColumns.value(column, contact, contactJson, json));
                    }
                    csv.println();
                }
                csv.flush();
                ExportJob before = current.get().job();
                advance(current, before.progressed(total, before.exportedRecords() + contacts.size(),
                        leaseFrom(clock.millis())));
            });
        }
        Files.move(partial, files.file(job), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ExportJob written = current.get().job();
        advance(current, written.progressed(exported, exported, written.leaseUntil()).completed(clock.millis()));
        ExportJob completed = current.get().job();
        log.info("Export {} of account {} completed: {} contacts", completed.id(), completed.accountId(), exported);
        mail.exportReady(completed, downloadUrl(completed));
    }

    private JsonNode payload(ExportJob job) {
        if (job.payload() == null) {
            return null;
        }
        try {
            return json.readTree(job.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored payload was JSON when it was requested", e);
        }
    }

    private void advance(AtomicReference<ExportJobs.Versioned> current, ExportJob next) {
        current.set(jobs.replace(current.get(), next).orElseThrow(LeaseLostException::new));
    }

    private void fail(ExportJobs.Versioned current, String reason) {
        try {
            files.delete(current.job());
            jobs.replace(current, current.job().failed(reason, clock.millis()));
        } catch (RuntimeException e) {
            log.warn("Export {} failed ({}) and could not be marked so: {}", current.job().id(), reason,
                    e.getMessage());
        }
    }

    private long leaseFrom(long now) {
        return now + properties.lease().toMillis();
    }

    @Override
    public void destroy() {
        // a job cut short here keeps its lease until it runs out; then it runs again
        pool.shutdownNow();
    }
}
