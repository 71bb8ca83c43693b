package io.contacts.benchmarks.read;

import java.util.List;

/**
 * One dashboard request in its two forms: the request our edge gets (path under /api/v1/accounts/{id}, a JSON body
 * for POST) and the statements Chatwoot runs for it.
 */
record ReadQuery(String method, String path, String jsonBody, List<String> sql) {
}
