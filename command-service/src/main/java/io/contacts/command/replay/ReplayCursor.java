package io.contacts.command.replay;

/**
 * A position in the event store's contact order: after this aggregate's event with this sequence number. Written as
 * {@code <aggregate identifier>:<sequence>}; the start is before every event.
 */
record ReplayCursor(String aggregateId, long sequence) {

    static final ReplayCursor START = new ReplayCursor("", -1);

    static ReplayCursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return START;
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("cursor is not <aggregate>:<sequence>: " + text);
        }
        try {
            return new ReplayCursor(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not <aggregate>:<sequence>: " + text);
        }
    }

    @Override
    public String toString() {
        return aggregateId + ":" + sequence;
    }
}
