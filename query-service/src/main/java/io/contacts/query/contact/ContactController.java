package io.contacts.query.contact;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.contacts.query.projection.ContactDocument;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Show and list (index) of an account's contacts. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
class ContactController {

    private final ContactReader reader;
    private final ContactRendering rendering;

    ContactController(ContactReader reader, ContactRendering rendering) {
        this.reader = reader;
        this.rendering = rendering;
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long accountId, @PathVariable String id,
                             @RequestParam(name = "include_contact_inboxes", required = false) String include) {
        ContactDocument contact = reader.find(accountId, ContactIds.parse(id))
                .orElseThrow(ContactNotFoundException::new);
        return rendering.single(contact, IncludeContactInboxes.of(include));
    }

    /** Resolved contacts only (email, phone number or identifier present), optionally with any of the labels. */
    @GetMapping
    Map<String, Object> index(@PathVariable long accountId, @RequestParam MultiValueMap<String, String> params) {
        Paging paging = Paging.of(params.getFirst("page"), params.getFirst("per_page"));
        boolean includeContactInboxes = IncludeContactInboxes.of(params.getFirst("include_contact_inboxes"));
        List<Query> conditions = new ArrayList<>();
        conditions.add(Query.of(q -> q.term(t -> t.field("resolved").value(true))));
        List<FieldValue> labels = labels(params);
        if (!labels.isEmpty()) {
            conditions.add(Query.of(q -> q.terms(t -> t.field("labels").terms(v -> v.value(labels)))));
        }
        ContactReader.Page page = reader.search(accountId, conditions, ContactSort.parse(params.getFirst("sort")),
                paging.from(), paging.perPage(), true);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", page.total());
        meta.put("current_page", paging.currentPage());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        json.put("payload", rendering.page(accountId, page.contacts(), includeContactInboxes));
        return json;
    }

    /** {@code labels[]=a&labels[]=b} or {@code labels=a}; blank names name no label. */
    private static List<FieldValue> labels(MultiValueMap<String, String> params) {
        return Stream.of("labels", "labels[]")
                .flatMap(name -> params.getOrDefault(name, List.of()).stream())
                .filter(label -> label != null && !label.isBlank())
                .map(FieldValue::of)
                .toList();
    }
}
