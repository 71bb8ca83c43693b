package io.contacts.query.filter;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.contact.ContactRendering;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.contact.ContactSort;
import io.contacts.query.contact.IncludeContactInboxes;
import io.contacts.query.contact.Paging;
import io.contacts.query.web.JsonBody;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /contacts/filter}: resolved contacts matching the DSL of {@code payload}, paged and sorted like the
 * index; {@code page}, {@code per_page} and {@code sort} come from the body or, when absent there, the query.
 */
@RestController
class FilterController {

    private final ContactReader reader;
    private final ContactRendering rendering;
    private final ContactFilter filter;
    private final ObjectMapper mapper;

    FilterController(ContactReader reader, ContactRendering rendering, ContactFilter filter, ObjectMapper mapper) {
        this.reader = reader;
        this.rendering = rendering;
        this.filter = filter;
        this.mapper = mapper;
    }

    @PostMapping("/api/v1/accounts/{accountId}/contacts/filter")
    Map<String, Object> filter(@PathVariable long accountId, @RequestParam MultiValueMap<String, String> params,
                               @RequestBody(required = false) byte[] body) {
        JsonNode json = JsonBody.parse(mapper, body);
        List<Query> query = new ArrayList<>();
        query.add(Query.of(q -> q.term(t -> t.field("resolved").value(true))));
        filter.query(accountId, json.get("payload")).ifPresent(query::add);

        JsonNode page = json.get("page");
        Paging paging = Paging.of(page != null && page.isValueNode() && !page.isNull() ? page.asText()
                : params.getFirst("page"), text(json, "per_page", params));
        Object currentPage = page != null && page.isNumber() ? page.numberValue() : paging.currentPage();
        ContactReader.Page result = reader.search(accountId, query, ContactSort.parse(text(json, "sort", params)),
                paging.from(), paging.perPage(), true);
        boolean includeContactInboxes = IncludeContactInboxes.of(text(json, "include_contact_inboxes", params));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", result.total());
        meta.put("current_page", currentPage);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("meta", meta);
        response.put("payload", rendering.page(accountId, result.contacts(), includeContactInboxes));
        return response;
    }

    private static String text(JsonNode json, String field, MultiValueMap<String, String> params) {
        JsonNode node = json.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : params.getFirst(field);
    }
}
