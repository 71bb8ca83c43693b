package io.contacts.command.importing;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Uploaded files in PostgreSQL, in chunks of {@value #CHUNK} bytes: every instance of the service can resume a job,
 * and a file of any size is written and read back holding one chunk in memory.
 */
@Component
class ImportFiles {

    static final int CHUNK = 1 << 20;

    private final JdbcTemplate jdbc;

    ImportFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream's bytes as the job's file; returns their number. */
    long store(long importId, InputStream in) {
        try {
            long size = 0;
            int chunk = 0;
            byte[] bytes;
            while ((bytes = in.readNBytes(CHUNK)).length > 0) {
                jdbc.update("INSERT INTO data_import_chunks (import_id, chunk, bytes) VALUES (?, ?, ?)",
                        importId, chunk++, bytes);
                size += bytes.length;
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's file, read chunk by chunk. */
    InputStream open(long importId) {
        return new ChunkStream(importId);
    }

    void delete(long importId) {
        jdbc.update("DELETE FROM data_import_chunks WHERE import_id = ?", importId);
    }

    private final class ChunkStream extends InputStream {

        private final long importId;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(long importId) {
            this.importId = importId;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended || !load()) {
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean load() {
            List<byte[]> chunk = jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT bytes FROM data_import_chunks WHERE import_id = ? AND chunk = ?");
                // binary transfer from the first execution: as text a bytea comes hex-encoded, twice its size, and
                // decoding it was about a tenth of the import thread's CPU
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setLong(1, importId);
                statement.setInt(2, next);
                return statement;
            }, (rs, row) -> rs.getBytes(1));
            if (chunk.isEmpty()) {
                ended = true;
                return false;
            }
            next++;
            current = chunk.get(0);
            position = 0;
            return true;
        }
    }
}
