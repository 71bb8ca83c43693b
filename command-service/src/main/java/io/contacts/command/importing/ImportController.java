package io.contacts.command.importing;

import io.contacts.command.account.AccountMember;
import io.contacts.command.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * CSV import (reference 3.12, administrators only) as a job the caller can follow: the upload answers at once with the
 * job; {@code /data_imports/{id}} gives its status and counts, {@code /failed_records} the rejected rows.
 */
@RestController
class ImportController {

    private static final int LATEST = 25;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportFailures failures;
    private final TransactionTemplate transactions;
    private final String publicUrl;

    ImportController(ImportJobs jobs, ImportFiles files, ImportFailures failures, TransactionTemplate transactions,
                     @Value("${contacts.public-url}") String publicUrl) {
        this.jobs = jobs;
        this.files = files;
        this.failures = failures;
        this.transactions = transactions;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Stores the file with a pending job in one transaction; the content is only read by the job. */
    @PostMapping("/api/v1/accounts/{accountId}/contacts/import")
    Map<String, Object> upload(@PathVariable long accountId,
                               @RequestParam(name = "import_file", required = false) MultipartFile file,
                               @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "File is blank");
        }
        long id = transactions.execute(status -> {
            long job = jobs.create(accountId, member.userId(), fileName(file), file.getSize());
            try (InputStream in = file.getInputStream()) {
                files.store(job, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return job;
        });
        return jobs.get(id).json(base(accountId));
    }

    @GetMapping("/api/v1/accounts/{accountId}/data_imports")
    Map<String, Object> latest(@PathVariable long accountId,
                               @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        List<Map<String, Object>> payload = jobs.latest(accountId, LATEST).stream()
                .map(job -> job.json(base(accountId))).toList();
        return Map.of("payload", payload);
    }

    @GetMapping("/api/v1/accounts/{accountId}/data_imports/{id}")
    Map<String, Object> show(@PathVariable long accountId, @PathVariable String id,
                             @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        return job(accountId, id).json(base(accountId));
    }

    /** The file's header plus {@code errors}, one line per rejected row (read in a transaction: streamed). */
    @GetMapping("/api/v1/accounts/{accountId}/data_imports/{id}/failed_records")
    void failedRecords(@PathVariable long accountId, @PathVariable String id,
                       @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member,
                       HttpServletResponse response) throws IOException {
        member.requireAdministrator();
        ImportJob job = job(accountId, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"data_import_" + job.id() + "_failed_records.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        transactions.executeWithoutResult(status -> failures.writeCsv(job, out));
        out.flush();
    }

    private ImportJob job(long accountId, String id) {
        try {
            return jobs.find(accountId, Long.parseLong(id)).orElseThrow(ImportController::notFound);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Data import not found");
    }

    private String base(long accountId) {
        return publicUrl + "/api/v1/accounts/" + accountId + "/data_imports";
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "import.csv";
        }
        String base = name.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
