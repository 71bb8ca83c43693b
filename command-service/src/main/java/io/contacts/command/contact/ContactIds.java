package io.contacts.command.contact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** New contact ids from the PostgreSQL sequence {@code contact_id_seq}. */
@Component
public class ContactIds {

    private final JdbcTemplate jdbc;

    ContactIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        Long id = jdbc.queryForObject("SELECT nextval('contact_id_seq')", Long.class);
        return id == null ? 0 : id;
    }

    /** {@code count} new ids in one round trip (an import creates contacts by the hundred). */
    public List<Long> next(int count) {
        return jdbc.queryForList("SELECT nextval('contact_id_seq') FROM generate_series(1, ?)", Long.class, count);
    }
}
