package io.contacts.query.exporting;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where export files live: {@code <dir>/<account id>_contacts_<job id>.csv}, written as {@code .part} and renamed
 * when complete, so a download never sees half a file.
 */
@Component
class ExportFiles {

    private final Path dir;

    ExportFiles(ExportProperties properties) {
        this.dir = properties.dir().toAbsolutePath();
    }

    static String fileName(ExportJob job) {
        return job.accountId() + "_contacts_" + job.id() + ".csv";
    }

    Path file(ExportJob job) {
        return dir.resolve(fileName(job));
    }

    /** The file being written, in a directory that exists. */
    Path partial(ExportJob job) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve(fileName(job) + ".part");
    }

    void delete(ExportJob job) {
        try {
            Files.deleteIfExists(file(job));
            Files.deleteIfExists(dir.resolve(fileName(job) + ".part"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the file of export " + job.id(), e);
        }
    }
}
