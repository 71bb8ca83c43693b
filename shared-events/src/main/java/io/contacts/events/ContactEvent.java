package io.contacts.events;

/**
 * An event of one contact. Every event names its contact and account; the envelope (CloudEvents headers on Kafka,
 * Axon metadata in the event store) adds the event id, time and the contact's gapless sequence number.
 */
public sealed interface ContactEvent
        permits ContactCreated, ContactUpdated, ContactBlocked, ContactUnblocked, ContactDeleted,
        CustomAttributesRemoved, ContactLabelsChanged, ContactInboxLinked, ContactAvatarChanged, ContactAvatarRemoved {

    long contactId();

    long accountId();
}
