package io.contacts.command.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code data_imports} table. */
@Component
class ImportJobs {

    private static final String COLUMNS = "id, account_id, user_id, file_name, file_size, status, header, "
            + "total_records, rows_done, created_records, updated_records, duplicate_records, failed_records, error, "
            + "created_at, started_at, completed_at";
    private static final RowMapper<ImportJob> JOB = ImportJobs::job;

    private final JdbcTemplate jdbc;

    ImportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(long accountId, long userId, String fileName, long fileSize) {
        Long id = jdbc.queryForObject("INSERT INTO data_imports (account_id, user_id, file_name, file_size, status) "
                + "VALUES (?, ?, ?, ?, 'pending') RETURNING id", Long.class, accountId, userId, fileName, fileSize);
        return id == null ? 0 : id;
    }

    Optional<ImportJob> find(long accountId, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM data_imports WHERE account_id = ? AND id = ?", JOB,
                accountId, id).stream().findFirst();
    }

    ImportJob get(long id) {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM data_imports WHERE id = ?", JOB, id);
    }

    /** The account's latest jobs, newest first. */
    List<ImportJob> latest(long accountId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM data_imports WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                JOB, accountId, limit);
    }

    List<Long> unfinished() {
        return jdbc.queryForList("SELECT id FROM data_imports WHERE status IN ('pending', 'processing') ORDER BY id",
                Long.class);
    }

    /** The file has been read through: it has this header and this many data rows. */
    void start(long id, List<String> header, int total) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("UPDATE data_imports SET status = 'processing', header = ?, "
                    + "total_records = ?, started_at = coalesce(started_at, now()) WHERE id = ?");
            statement.setArray(1, connection.createArrayOf("text", header.toArray()));
            statement.setInt(2, total);
            statement.setLong(3, id);
            return statement;
        });
    }

    /**
     * Records a batch's rows as done, in the batch's transaction. False when the job is not where this run thought
     * (another run got there first): the caller must roll back.
     */
    boolean advance(long id, int rowsDoneBefore, ImportCounts counts) {
        return jdbc.update("UPDATE data_imports SET rows_done = rows_done + ?, created_records = created_records + ?, "
                        + "updated_records = updated_records + ?, duplicate_records = duplicate_records + ?, "
                        + "failed_records = failed_records + ? WHERE id = ? AND rows_done = ? AND status = 'processing'",
                counts.rows(), counts.created(), counts.updated(), counts.duplicates(), counts.failed(), id,
                rowsDoneBefore) == 1;
    }

    void complete(long id) {
        jdbc.update("UPDATE data_imports SET status = 'completed', completed_at = now() WHERE id = ?", id);
    }

    void fail(long id, String error) {
        jdbc.update("UPDATE data_imports SET status = 'failed', error = ?, completed_at = now(), "
                + "started_at = coalesce(started_at, now()) WHERE id = ?", error, id);
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        Array header = rs.getArray("header");
        Integer total = rs.getObject("total_records", Integer.class);
        return new ImportJob(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("user_id"),
                rs.getString("file_name"), rs.getLong("file_size"), rs.getString("status"),
                header == null ? null : Arrays.asList((String[]) header.getArray()),
                total, rs.getInt("rows_done"), rs.getInt("created_records"),
                rs.getInt("updated_records"), rs.getInt("duplicate_records"), rs.getInt("failed_records"),
                rs.getString("error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
