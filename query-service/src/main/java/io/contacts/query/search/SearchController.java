package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.contact.ContactRendering;
import io.contacts.query.contact.ContactSort;
import io.contacts.query.contact.IncludeContactInboxes;
import io.contacts.query.contact.Paging;
import io.contacts.query.projection.ContactDocument;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search over all contacts of the account (resolved or not). As Chatwoot, one item more than the page is fetched to
 * tell {@code has_more}, and {@code count} is the number of items on this page.
 */
@RestController
class SearchController {

    private final ContactReader reader;
    private final ContactRendering rendering;
    private final IndexedGrams grams;

    SearchController(ContactReader reader, ContactRendering rendering, IndexedGrams grams) {
        this.reader = reader;
        this.rendering = rendering;
        this.grams = grams;
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts/search")
    Map<String, Object> search(@PathVariable long accountId, @RequestParam MultiValueMap<String, String> params) {
        String text = SearchText.of(params.getFirst("q"));
        Paging paging = Paging.of(params.getFirst("page"), params.getFirst("per_page"));
        boolean includeContactInboxes = IncludeContactInboxes.of(params.getFirst("include_contact_inboxes"));
        Query query = grams.complete() ? SearchTextQuery.onGrams(text) : SearchTextQuery.of(text);
        List<ContactDocument> found = reader.search(accountId, List.of(query),
                ContactSort.parse(params.getFirst("sort")), paging.from(), paging.perPage() + 1, false).contacts();
        boolean hasMore = found.size() > paging.perPage();
        List<ContactDocument> page = hasMore ? found.subList(0, paging.perPage()) : found;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", page.size());
        meta.put("current_page", paging.currentPage());
        meta.put("has_more", hasMore);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        json.put("payload", rendering.page(accountId, page, includeContactInboxes));
        return json;
    }
}
