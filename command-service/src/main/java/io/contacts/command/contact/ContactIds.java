package io.contacts.command.contact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** New contact ids from the PostgreSQL sequence {@code contact_id_seq}. */
@Component
class ContactIds {

    private final JdbcTemplate jdbc;

    ContactIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long next() {
        Long id = jdbc.queryForObject("SELECT nextval('contact_id_seq')", Long.class);
        return id == null ? 0 : id;
    }
}
