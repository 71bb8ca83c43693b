package io.contacts.command.upsert;

import io.contacts.command.contact.ReadYourWrites;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/accounts/{a}/contacts/batch_upsert}: up to 1,000 contacts created or updated, matched by one
 * unique value, for any member of the account (docs/batch-upsert.md). 200 whenever the request itself is valid, with a
 * result per item; answers once every contact it created or changed is searchable.
 */
@RestController
class BatchUpsertController {

    private static final Logger log = LoggerFactory.getLogger(BatchUpsertController.class);

    /** A batch upsert keeps no books (its results are its answer) and answers once its contacts are searchable. */
    private static final UpsertBatch.Bookkeeping<BatchItem> ANSWERED_BOOKS = new UpsertBatch.Bookkeeping<>() {
        @Override
        public void applied(List<UpsertBatch.Applied<BatchItem>> items) {
        }

        @Override
        public void failed(UpsertBatch.Applied<BatchItem> item) {
        }

        @Override
        public Violation notApplied() {
            return new Violation("contact", "Contact could not be saved");
        }

        @Override
        public boolean awaited() {
            return true;
        }
    };

    private final UpsertBatch upserts;
    private final ReadYourWrites readYourWrites;

    BatchUpsertController(UpsertBatch upserts, ReadYourWrites readYourWrites) {
        this.upserts = upserts;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/api/v1/accounts/{accountId}/contacts/batch_upsert")
    Map<String, Object> upsert(@PathVariable long accountId, JsonBody body) {
        BatchUpsertRequest request = BatchUpsertRequest.read(body);
        List<UpsertBatch.Applied<BatchItem>> applied = upserts.apply(accountId, List.of(request.matchBy()),
                request.items(), ANSWERED_BOOKS);
        var written = BatchUpsertAnswer.written(applied);
        if (!readYourWrites.awaitSearchable(written)) {
            log.warn("Batch upsert of account {}: {} contacts committed, not all searchable within the wait",
                    accountId, written.size());
        }
        return BatchUpsertAnswer.of(applied);
    }
}
