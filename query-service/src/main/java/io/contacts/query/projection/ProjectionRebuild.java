package io.contacts.query.projection;

import io.contacts.query.elasticsearch.AliasedIndex;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rebuilds the contacts index from the event store into a new index while the API keeps serving the old one, then
 * switches the alias (docs/projection-operations.md says why each step keeps concurrent writes):
 * end offsets O1 of the events topic → new index → the whole store folded into it (contact order: each contact in
 * one go, nothing read back) → Kafka from O1 to the end, which holds every event committed after the stream read past
 * its contact → the alias switched in one call → Kafka again from there to the end as of after the switch (what the
 * live projector wrote to the old index meanwhile) → the contacts changed around the switch checked against the
 * store ({@link RebuildRepair}) → the old index deleted.
 */
@Component
class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** Job ids stay exact in JavaScript clients. */
    private static final long MAX_ID = 1L << 53;
    private static final long LEASE = 60_000;
    private static final long PROGRESS_EVERY = 1_000;
    /** Catch-up passes before the switch stop when one reads fewer records than this (the switch's window). */
    private static final int QUIET = 100;
    private static final int MAX_PASSES = 5;

    private final ContactIndex contacts;
    private final StoredEventPages pages;
    private final ProjectionCatchUp catchUp;
    private final ProjectionStore store;
    private final RebuildJobs jobs;
    private final RebuildRepair repair;
    private final OwnedDocuments liveDocuments;
    private final int pageSize;
    private final int bulkSize;
    private final int parallelBulks;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("projection-rebuild"));
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(daemon("projection-rebuild-fetch"));
    private final ExecutorService bulks;

    ProjectionRebuild(ContactIndex contacts, StoredEventPages pages, ProjectionCatchUp catchUp, ProjectionStore store,
                      RebuildJobs jobs, RebuildRepair repair, OwnedDocuments liveDocuments,
                      @Value("${contacts.rebuild.page-size}") int pageSize,
                      @Value("${contacts.rebuild.bulk-size}") int bulkSize,
                      @Value("${contacts.rebuild.parallel-bulks}") int parallelBulks) {
        this.contacts = contacts;
        this.pages = pages;
        this.catchUp = catchUp;
        this.store = store;
        this.jobs = jobs;
        this.repair = repair;
        this.liveDocuments = liveDocuments;
        this.pageSize = pageSize;
        this.bulkSize = bulkSize;
        this.parallelBulks = parallelBulks;
        this.bulks = Executors.newFixedThreadPool(parallelBulks, daemon("projection-rebuild-bulk"));
    }

    /** A job that started, or ({@code started} false) the one that runs and kept it from starting. */
    record Start(RebuildJob job, boolean started) {
    }

    /** Starts a rebuild in the background, unless one runs. */
    Start start(boolean switchAlias, boolean keepOldIndex) {
        long now = clock.millis();
        RebuildJob job = new RebuildJob(ThreadLocalRandom.current().nextLong(1, MAX_ID), RebuildJob.RUNNING,
                "starting", switchAlias, keepOldIndex, null, null, 0, 0, 0, now, null, now + LEASE, null);
        Optional<RebuildJobs.Refused> refused = jobs.start(job, now);
        if (refused.isPresent()) {
            return new Start(refused.get().running(), false);
        }
        runner.execute(() -> run(job));
        return new Start(job, true);
    }

    private void run(RebuildJob requested) {
        Progress progress = new Progress(requested);
        String created = null;
        boolean switched = false;
        try {
            progress.step("snapshotting offsets");
            Map<TopicPartition, Long> start = catchUp.endOffsets();
            AliasedIndex aliased = contacts.aliased();
            aliased.ensureCreated();
            String old = aliased.behindAlias();
            created = aliased.alias() + "-v1-" + SUFFIX.format(clock.instant());
            aliased.createUnaliased(created);
            progress.job = progress.job.indices(created, old);
            progress.step("streaming the event store");
            stream(created, progress);
            // the first refresh of the loaded index writes its segments; one that takes long is no outage
            store.refresh(created);
            progress.step("catching up from Kafka");
            Map<TopicPartition, Long> reached = catchUpUntilQuiet(created, start, progress);
            aliased.finishLoading(created);
            if (progress.job.switchAlias()) {
                progress.step("switching the alias");
                aliased.switchAlias(old, created);
                switched = true;
                // the live projector's documents in memory are the old index's
                liveDocuments.dropAll();
                log.info("Alias {} now points to {} (was {})", aliased.alias(), created, old);
                progress.step("catching up after the switch");
                Map<TopicPartition, Long> afterSwitch = catchUp.endOffsets();
                Set<Long> window = new HashSet<>();
                progress.caughtUp += catchUp.apply(created, reached, afterSwitch, window);
                progress.step("checking the contacts changed around the switch");
                repair.repair(created, window);
                if (!progress.job.keepOldIndex()) {
                    aliased.deleteIndex(old);
                }
            }
            progress.job = progress.job.progress(progress.contacts, progress.events, progress.caughtUp,
                    clock.millis(), LEASE);
            jobs.finish(progress.job.ended(RebuildJob.COMPLETED, null, clock.millis()));
            log.info("Rebuild {} completed: {} contacts, {} events, {} caught up, into {}", requested.id(),
                    progress.contacts, progress.events, progress.caughtUp, created);
        } catch (Exception e) {
            log.error("Rebuild {} failed", requested.id(), e);
            if (created != null && !switched) {
                try {
                    contacts.aliased().deleteIndex(created);
                } catch (IOException | RuntimeException cleanup) {
                    log.warn("Cannot delete the unfinished index {}: {}", created, cleanup.getMessage());
                }
            }
            jobs.finish(progress.job.progress(progress.contacts, progress.events, progress.caughtUp,
                    clock.millis(), LEASE).ended(RebuildJob.FAILED, String.valueOf(e.getMessage()), clock.millis()));
        }
    }

    /**
     * Folds the store page by page, fetching the next page while this one is folded and indexed, with up to
     * {@code parallelBulks} bulks in flight (Elasticsearch indexes each on a write thread of its own); returns once
     * every bulk is in.
     */
    private void stream(String index, Progress progress) throws InterruptedException {
        CompletableFuture<StoredEventPages.Page> next = fetch(null);
        List<EventRecord> contact = new ArrayList<>();
        List<ContactDocument> bulk = new ArrayList<>(bulkSize);
        InFlight inFlight = new InFlight(index);
        while (next != null) {
            StoredEventPages.Page page = next.join();
            next = page.next() == null ? null : fetch(page.next());
            for (EventRecord event : page.events()) {
                if (!contact.isEmpty() && contact.get(0).contactId() != event.contactId()) {
                    fold(contact, bulk, progress);
                    if (bulk.size() >= bulkSize) {
                        inFlight.send(bulk);
                        bulk = new ArrayList<>(bulkSize);
                    }
                }
                contact.add(event);
            }
            progress.report();
        }
        fold(contact, bulk, progress);
        if (!bulk.isEmpty()) {
            inFlight.send(bulk);
        }
        inFlight.awaitAll();
    }

    /** The bulks of one stream: at most {@code parallelBulks} at once, the first failure ends the stream. */
    private final class InFlight {
        private final String index;
        private final Semaphore free = new Semaphore(parallelBulks);
        private final List<CompletableFuture<Void>> sent = new ArrayList<>();

        InFlight(String index) {
            this.index = index;
        }

        void send(List<ContactDocument> documents) throws InterruptedException {
            free.acquire();
            sent.removeIf(bulk -> bulk.isDone() && !bulk.isCompletedExceptionally());
            try {
                sent.add(CompletableFuture.runAsync(() -> store.writeRetrying(index, documents), bulks)
                        .whenComplete((done, failure) -> free.release()));
            } catch (RejectedExecutionException e) {
                free.release();
                throw e;
            }
            sent.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst().ifPresent(InFlight::join);
        }

        void awaitAll() {
            sent.forEach(InFlight::join);
        }

        private static void join(CompletableFuture<Void> bulk) {
            try {
                bulk.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    private void fold(List<EventRecord> events, List<ContactDocument> bulk, Progress progress) {
        if (events.isEmpty()) {
            return;
        }
        ContactDocument document = ContactFold.fold(null, events).document();
        progress.events += events.size();
        if (document != null) {
            bulk.add(document);
            progress.contacts++;
        }
        events.clear();
    }

    private CompletableFuture<StoredEventPages.Page> fetch(String cursor) {
        return CompletableFuture.supplyAsync(() -> pages.after(cursor, pageSize), fetcher);
    }

    /**
     * Applies Kafka from the offsets taken before the stream to the end, again and again until a pass finds little
     * (the live projector keeps writing to the old index until the switch; the less is left, the less the catch-up
     * after the switch has to bring over).
     */
    private Map<TopicPartition, Long> catchUpUntilQuiet(String index, Map<TopicPartition, Long> from,
                                                        Progress progress) {
        Map<TopicPartition, Long> reached = from;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<TopicPartition, Long> end = catchUp.endOffsets();
            long read = catchUp.apply(index, reached, end, new HashSet<>());
            progress.caughtUp += read;
            reached = end;
            progress.report();
            if (read < QUIET) {
                break;
            }
        }
        return reached;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        fetcher.shutdownNow();
        bulks.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The running job's counts, saved (with a renewed lease) at most once a second. */
    private final class Progress {
        RebuildJob job;
        long contacts;
        long events;
        long caughtUp;
        long savedAt;

        Progress(RebuildJob job) {
            this.job = job;
        }

        void step(String step) {
            job = job.step(step, clock.millis(), LEASE);
            save();
        }

        void report() {
            if (clock.millis() - savedAt >= PROGRESS_EVERY) {
                save();
            }
        }

        private void save() {
            savedAt = clock.millis();
            job = job.progress(contacts, events, caughtUp, savedAt, LEASE);
            jobs.save(job);
        }
    }
}
