package io.contacts.command.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.command.configuration.ConfigurationChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The custom attribute definitions in PostgreSQL; a taken key is a DuplicateKeyException. Every change goes through
 * here and is announced to the query-service, which types filters with the definitions ({@link ConfigurationChanges}).
 */
@Component
class AttributeDefinitions {

    private static final String COLUMNS = "id, account_id, attribute_key, attribute_display_name, "
            + "attribute_display_type, attribute_model, attribute_description, attribute_values, default_value, "
            + "created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final ConfigurationChanges changes;

    AttributeDefinitions(JdbcTemplate jdbc, ObjectMapper mapper, ConfigurationChanges changes) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.changes = changes;
    }

    /** In a transaction, which carries the request's Idempotency-Key with it. */
    @Transactional
    AttributeDefinition create(long accountId, String key, String displayName, DisplayType displayType,
                               AttributeModel model, String description, List<String> values, String defaultValue) {
        AttributeDefinition created = jdbc.queryForObject("INSERT INTO custom_attribute_definitions (account_id, "
                + "attribute_key, attribute_display_name, attribute_display_type, attribute_model, "
                + "attribute_description, attribute_values, default_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                + COLUMNS, rows(), accountId, key, displayName, displayType.json(), model.json(), description,
                write(values), defaultValue);
        changes.changed(accountId);
        return created;
    }

    /** Every field replaced; empty when the account has no such definition (any more). */
    Optional<AttributeDefinition> update(long accountId, long id, String key, String displayName,
                                         DisplayType displayType, AttributeModel model, String description,
                                         List<String> values, String defaultValue) {
        Optional<AttributeDefinition> updated = jdbc.query("UPDATE custom_attribute_definitions SET "
                + "attribute_key = ?, attribute_display_name = ?, attribute_display_type = ?, attribute_model = ?, "
                + "attribute_description = ?, attribute_values = ?, default_value = ?, updated_at = now() "
                + "WHERE account_id = ? AND id = ? RETURNING " + COLUMNS, rows(), key, displayName, displayType.json(),
                model.json(), description, write(values), defaultValue, accountId, id).stream().findFirst();
        updated.ifPresent(definition -> changes.changed(accountId));
        return updated;
    }

    /** In creation order; {@code model} null means every model. */
    List<AttributeDefinition> list(long accountId, AttributeModel model) {
        return model == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM custom_attribute_definitions WHERE account_id = ? ORDER BY id",
                rows(), accountId)
                : jdbc.query("SELECT " + COLUMNS + " FROM custom_attribute_definitions WHERE account_id = ? "
                + "AND attribute_model = ? ORDER BY id", rows(), accountId, model.json());
    }

    Optional<AttributeDefinition> find(long accountId, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM custom_attribute_definitions WHERE account_id = ? AND id = ?",
                rows(), accountId, id).stream().findFirst();
    }

    boolean delete(long accountId, long id) {
        boolean deleted = jdbc.update("DELETE FROM custom_attribute_definitions WHERE account_id = ? AND id = ?",
                accountId, id) == 1;
        if (deleted) {
            changes.changed(accountId);
        }
        return deleted;
    }

    private RowMapper<AttributeDefinition> rows() {
        return (rs, n) -> new AttributeDefinition(rs.getLong("id"), rs.getLong("account_id"),
                rs.getString("attribute_key"), rs.getString("attribute_display_name"),
                stored(DisplayType.class, rs.getString("attribute_display_type")),
                stored(AttributeModel.class, rs.getString("attribute_model")),
                rs.getString("attribute_description"), read(rs.getString("attribute_values")),
                rs.getString("default_value"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static <E extends Enum<E>> E stored(Class<E> type, String name) {
        return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }

    private String write(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable attribute_values " + json, e);
        }
    }
}
