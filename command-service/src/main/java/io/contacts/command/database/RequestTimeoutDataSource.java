package io.contacts.command.database;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Gives the connections an HTTP request uses a network timeout: a PostgreSQL that stops answering (frozen, partitioned)
 * fails the request's statement after {@code contacts.database.request-timeout} instead of holding the request until
 * TCP gives up; so do the connections of work done for requests on another thread ({@link RequestWork}). The pool
 * resets the timeout when the connection is returned; background work (publishers, imports, replays) keeps the pool's
 * own setting.
 */
class RequestTimeoutDataSource extends DelegatingDataSource {

    private final int timeoutMillis;

    RequestTimeoutDataSource(DataSource target, Duration timeout) {
        super(target);
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bounded(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bounded(super.getConnection(username, password));
    }

    private Connection bounded(Connection connection) throws SQLException {
        if (RequestContextHolder.getRequestAttributes() != null || RequestWork.isRunning()) {
            try {
                connection.setNetworkTimeout(Runnable::run, timeoutMillis);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }
}
