package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The contact's labels are now exactly these (stripped, without blanks or duplicates; an empty list clears them). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactLabelsChanged(long contactId, long accountId, List<String> labels) implements ContactEvent {

    public ContactLabelsChanged {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
