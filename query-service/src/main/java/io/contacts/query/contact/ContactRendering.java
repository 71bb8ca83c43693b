package io.contacts.query.contact;

import io.contacts.query.presence.Presence;
import io.contacts.query.projection.ContactDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders documents with {@link ContactJson} and what the documents do not know: whether each contact is online,
 * looked up once per response (one multi-get for a whole page).
 */
@Component
public class ContactRendering {

    private final Presence presence;
    private final String publicUrl;

    ContactRendering(Presence presence, @Value("${contacts.public-url}") String publicUrl) {
        this.presence = presence;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public Map<String, Object> single(ContactDocument document, boolean includeContactInboxes) {
        return ContactJson.single(document, includeContactInboxes, isOnline(document), publicUrl);
    }

    /** A page of one account's contacts. */
    public List<Map<String, Object>> page(long accountId, List<ContactDocument> documents,
                                          boolean includeContactInboxes) {
        Set<Long> online = presence.onlineAmong(accountId, documents.stream().map(ContactDocument::id).toList());
        return documents.stream()
                .map(d -> ContactJson.contact(d, includeContactInboxes, online.contains(d.id()), publicUrl))
                .toList();
    }

    private boolean isOnline(ContactDocument document) {
        return presence.isOnline(document.accountId(), document.id());
    }
}
