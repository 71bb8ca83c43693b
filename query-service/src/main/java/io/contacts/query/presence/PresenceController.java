package io.contacts.query.presence;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.contacts.query.contact.ContactIds;
import io.contacts.query.contact.ContactNotFoundException;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.contact.ContactRendering;
import io.contacts.query.contact.ContactSort;
import io.contacts.query.contact.IncludeContactInboxes;
import io.contacts.query.contact.Paging;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heartbeats and the list of online contacts (chatwoot-reference.md 3.4 and 10). Any member of the account may
 * do both; the access filter has checked membership.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
class PresenceController {

    private final Presence presence;
    private final ContactReader reader;
    private final ContactRendering rendering;

    PresenceController(Presence presence, ContactReader reader, ContactRendering rendering) {
        this.presence = presence;
        this.reader = reader;
        this.rendering = rendering;
    }

    @PostMapping("/{id}/presence")
    Map<String, Object> heartbeat(@PathVariable long accountId, @PathVariable String id) {
        long contactId = ContactIds.parse(id);
        reader.find(accountId, contactId).orElseThrow(ContactNotFoundException::new);
        presence.heartbeat(accountId, contactId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", contactId);
        json.put("availability_status", "online");
        return json;
    }

    /** Every live contact of the account online now, resolved or not; {@code labels} is not a filter here. */
    @GetMapping("/active")
    Map<String, Object> active(@PathVariable long accountId, @RequestParam MultiValueMap<String, String> params) {
        Paging paging = Paging.of(params.getFirst("page"), params.getFirst("per_page"));
        boolean includeContactInboxes = IncludeContactInboxes.of(params.getFirst("include_contact_inboxes"));
        List<String> online = presence.onlineIds(accountId).stream().map(String::valueOf).toList();
        ContactReader.Page page = online.isEmpty() ? new ContactReader.Page(List.of(), 0)
                : reader.search("active", accountId, List.of(Query.of(q -> q.ids(i -> i.values(online)))),
                ContactSort.parse(params.getFirst("sort")), paging.from(), paging.perPage());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", page.total());
        meta.put("current_page", paging.currentPage());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        json.put("payload", rendering.page(accountId, page.contacts(), includeContactInboxes));
        return json;
    }
}
