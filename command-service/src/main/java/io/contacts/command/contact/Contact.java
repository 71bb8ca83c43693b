package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import io.contacts.command.avatar.AvatarStore;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.uniqueness.ContactClaims;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.events.ContactAvatarChanged;
import io.contacts.events.ContactAvatarRemoved;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactInboxLinked;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.events.ContactState;
import io.contacts.events.ContactUnblocked;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.contacts.events.ContactUpdated.ADDITIONAL_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.CUSTOM_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.IDENTIFIER;
import static io.contacts.events.ContactUpdated.NAME;
import static io.contacts.events.ContactUpdated.PHONE_NUMBER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A contact, event-sourced. Its state is the contract's own fold ({@link ContactState}) of its events, so the state
 * every handler returns carries the contact's last sequence number (Axon's, from 0) for read-your-writes.
 * Commands arrive already normalised and validated ({@link ContactRules}); the aggregate decides what changes and
 * keeps the unique values claimed ({@link ContactClaims}) and its avatar image ({@link AvatarStore}) in the same
 * transaction as its events.
 */
@Aggregate(cache = ContactCacheConfiguration.CACHE)
public class Contact {

    @AggregateIdentifier
    private String contactId;
    private ContactState state;

    protected Contact() {
        // for Axon: an empty contact that its events are applied to
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public ContactState handle(CreateContact command, ContactClaims claims, AvatarStore avatars) {
        ContactChanges values = command.values();
        long id = Long.parseLong(command.contactId());
        String email = values.has(EMAIL) ? values.email() : null;
        String phoneNumber = values.has(PHONE_NUMBER) ? values.phoneNumber() : null;
        String identifier = values.has(IDENTIFIER) ? values.identifier() : null;
        String sourceId = command.inbox() == null ? null : SourceIds.resolve(command.inbox(), email, phoneNumber);
        claimOrFail(claims, command.accountId(), id, unique(email, identifier, phoneNumber));
        apply(new ContactCreated(id, command.accountId(), values.has(NAME) ? values.name() : "", email, phoneNumber,
                identifier, false, values.customAttributes(), values.additionalAttributes()));
        if (values.has(ContactChanges.BLOCKED) && Boolean.TRUE.equals(values.blocked())) {
            apply(new ContactBlocked(id, command.accountId()));
        }
        if (command.inbox() != null) {
            linkIfNew(command.inbox(), sourceId);
        }
        if (command.avatar() != null) {
            changeAvatar(command.avatar(), avatars);
        }
        if (!command.labels().isEmpty()) {
            apply(new ContactLabelsChanged(id, command.accountId(), command.labels()));
        }
        return state;
    }

    @CommandHandler
    public ContactState handle(LinkContactInbox command) {
        requireAccount(command.accountId());
        linkIfNew(command.link(), SourceIds.resolve(command.link(), state.email(), state.phoneNumber()));
        return state;
    }

    @CommandHandler
    public ContactState handle(UpdateContact command, ContactClaims claims, AvatarStore avatars) {
        requireAccount(command.accountId());
        ContactChanges changes = command.changes();
        Set<String> changed = new LinkedHashSet<>();
        String name = scalar(changes, NAME, changes.name(), state.name(), changed);
        String email = scalar(changes, EMAIL, changes.email(), state.email(), changed);
        String phoneNumber = scalar(changes, PHONE_NUMBER, changes.phoneNumber(), state.phoneNumber(), changed);
        String identifier = scalar(changes, IDENTIFIER, changes.identifier(), state.identifier(), changed);
        Map<String, Object> custom = changes.has(CUSTOM_ATTRIBUTES)
                ? newEntries(state.customAttributes(), changes.customAttributes(), CUSTOM_ATTRIBUTES, changed) : null;
        Map<String, Object> additional = changes.has(ADDITIONAL_ATTRIBUTES)
                ? newEntries(state.additionalAttributes(), changes.additionalAttributes(), ADDITIONAL_ATTRIBUTES,
                changed) : null;
        if (!changed.isEmpty()) {
            claims.release(state.accountId(), state.contactId(),
                    unique(state.email(), state.identifier(), state.phoneNumber(), changed));
            claimOrFail(claims, state.accountId(), state.contactId(), unique(email, identifier, phoneNumber, changed));
            apply(new ContactUpdated(state.contactId(), state.accountId(), changed, name, email, phoneNumber,
                    identifier, custom, additional));
        }
        if (changes.has(ContactChanges.BLOCKED) && changes.blocked() != null) {
            changeBlocked(changes.blocked());
        }
        if (command.avatar() != null) {
            changeAvatar(command.avatar(), avatars);
        }
        if (!command.addLabels().isEmpty()) {
            List<String> labels = LabelNames.clean(
                    Stream.concat(state.labels().stream(), command.addLabels().stream()).toList());
            if (!labels.equals(state.labels())) {
                apply(new ContactLabelsChanged(state.contactId(), state.accountId(), labels));
            }
        }
        return state;
    }

    @CommandHandler
    public ContactState handle(ChangeAvatar command, AvatarStore avatars) {
        requireAccount(command.accountId());
        changeAvatar(command.avatar(), avatars);
        return state;
    }

    @CommandHandler
    public ContactState handle(RemoveAvatar command, AvatarStore avatars) {
        requireAccount(command.accountId());
        if (state.avatarKey() != null) {
            avatars.remove(state.accountId(), state.contactId());
            apply(new ContactAvatarRemoved(state.contactId(), state.accountId()));
        }
        return state;
    }

    @CommandHandler
    public ContactState handle(BlockContact command) {
        requireAccount(command.accountId());
        changeBlocked(true);
        return state;
    }

    @CommandHandler
    public ContactState handle(UnblockContact command) {
        requireAccount(command.accountId());
        changeBlocked(false);
        return state;
    }

    @CommandHandler
    public ContactState handle(RemoveCustomAttributes command) {
        requireAccount(command.accountId());
        List<String> present = command.keys().stream().distinct()
                .filter(state.customAttributes()::containsKey).toList();
        if (!present.isEmpty()) {
            apply(new CustomAttributesRemoved(state.contactId(), state.accountId(), present));
        }
        return state;
    }

    @CommandHandler
    public ContactState handle(ChangeLabels command) {
        requireAccount(command.accountId());
        if (!state.labels().equals(command.labels())) {
            apply(new ContactLabelsChanged(state.contactId(), state.accountId(), command.labels()));
        }
        return state;
    }

    @CommandHandler
    public ContactState handle(DeleteContact command, ContactClaims claims, AvatarStore avatars) {
        requireAccount(command.accountId());
        if (command.online()) {
            throw new ContactOnlineException(state.name());
        }
        claims.releaseAll(state.accountId(), state.contactId());
        avatars.remove(state.accountId(), state.contactId());
        apply(new ContactDeleted(state.contactId(), state.accountId()));
        return state;
    }

    @EventSourcingHandler
    void on(ContactEvent event, @SequenceNumber long sequence, @Timestamp Instant time) {
        if (state == null) {
            contactId = String.valueOf(event.contactId());
            state = ContactState.created((ContactCreated) event, sequence, time);
        } else {
            state = state.apply(event, sequence, time);
        }
        if (state.deleted()) {
            markDeleted();
        }
    }

    private void requireAccount(long accountId) {
        if (state.accountId() != accountId) {
            throw new ContactNotFoundException();
        }
    }

    /** A link that exists with the same inbox and source id is kept as it is (Chatwoot's find-or-create). */
    private void linkIfNew(InboxLink link, String sourceId) {
        boolean exists = state.contactInboxes().stream().anyMatch(existing ->
                existing.inbox().id() == link.inbox().id() && existing.sourceId().equals(sourceId));
        if (!exists) {
            apply(new ContactInboxLinked(state.contactId(), state.accountId(),
                    new ContactInbox(sourceId, link.hmacVerified(), link.inbox())));
        }
    }

    private void changeAvatar(AvatarImage avatar, AvatarStore avatars) {
        avatars.replace(state.accountId(), state.contactId(), avatar);
        apply(new ContactAvatarChanged(state.contactId(), state.accountId(), avatar.key()));
    }

    private void changeBlocked(boolean blocked) {
        if (state.blocked() != blocked) {
            apply(blocked ? new ContactBlocked(state.contactId(), state.accountId())
                    : new ContactUnblocked(state.contactId(), state.accountId()));
        }
    }

    /** The requested value when the field was sent and differs (recorded in {@code changed}); else null. */
    private static String scalar(ContactChanges changes, String field, String requested, String current,
                                 Set<String> changed) {
        if (changes.has(field) && !Objects.equals(requested, current)) {
            changed.add(field);
            return requested;
        }
        return null;
    }

    /** The entries of a shallow-merge patch that are new or different (null-valued keys count: they are kept). */
    private static Map<String, Object> newEntries(Map<String, Object> current, Map<String, Object> patch,
                                                  String field, Set<String> changed) {
        Map<String, Object> entries = new LinkedHashMap<>();
        patch.forEach((key, value) -> {
            if (!current.containsKey(key) || !Objects.equals(current.get(key), value)) {
                entries.put(key, value);
            }
        });
        if (entries.isEmpty()) {
            return null;
        }
        changed.add(field);
        return entries;
    }

    private static void claimOrFail(ContactClaims claims, long accountId, long contactId,
                                    Map<ClaimKind, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<ClaimKind> taken = claims.claim(accountId, contactId, values);
        if (!taken.isEmpty()) {
            throw new ValidationFailedException(taken.stream().map(ContactRules::taken).toList());
        }
    }

    private static Map<ClaimKind, String> unique(String email, String identifier, String phoneNumber) {
        return unique(email, identifier, phoneNumber, Set.of(EMAIL, IDENTIFIER, PHONE_NUMBER));
    }

    /** The non-null unique values among the given fields, by kind. */
    private static Map<ClaimKind, String> unique(String email, String identifier, String phoneNumber,
                                                 Set<String> fields) {
        Map<ClaimKind, String> values = new EnumMap<>(ClaimKind.class);
        if (email != null && fields.contains(EMAIL)) {
            values.put(ClaimKind.EMAIL, email);
        }
        if (identifier != null && fields.contains(IDENTIFIER)) {
            values.put(ClaimKind.IDENTIFIER, identifier);
        }
        if (phoneNumber != null && fields.contains(PHONE_NUMBER)) {
            values.put(ClaimKind.PHONE_NUMBER, phoneNumber);
        }
        return values;
    }
}
