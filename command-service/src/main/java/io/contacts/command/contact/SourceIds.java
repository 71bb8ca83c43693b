package io.contacts.command.contact;

import io.contacts.command.inbox.ChannelType;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The source id of a contact in an inbox (chatwoot-reference.md 3.16): the one asked for, or the one the channel
 * derives from the contact (email, phone number); then the channel's format rules.
 */
final class SourceIds {

    private static final Pattern TWILIO_SMS = Pattern.compile("^\\+\\d{1,15}$");
    private static final Pattern TWILIO_WHATSAPP = Pattern.compile("^whatsapp:\\+\\d{1,15}$");
    private static final Pattern WHATSAPP = Pattern.compile("^\\d{1,15}$");

    private SourceIds() {
    }

    static String resolve(InboxLink link, String email, String phoneNumber) {
        ChannelType type = ChannelType.ofClassName(link.inbox().channelType()).orElseThrow();
        String sourceId = link.sourceId() != null ? link.sourceId() : derived(type, link.medium(), email, phoneNumber);
        if (sourceId.isEmpty() || sourceId.codePointCount(0, sourceId.length()) > ContactRules.MAX_LENGTH) {
            throw invalid("Source is too long (maximum is 255 characters)");
        }
        if (type == ChannelType.TWILIO && "whatsapp".equals(link.medium())
                && !TWILIO_WHATSAPP.matcher(sourceId).matches()) {
            throw invalid("Source invalid source id for twilio whatsapp inbox. valid Regex " + TWILIO_WHATSAPP);
        }
        if (type == ChannelType.TWILIO && !"whatsapp".equals(link.medium())
                && !TWILIO_SMS.matcher(sourceId).matches()) {
            throw invalid("Source invalid source id for twilio sms inbox. valid Regex " + TWILIO_SMS);
        }
        if (type == ChannelType.WHATSAPP && !WHATSAPP.matcher(sourceId).matches()) {
            throw invalid("Source invalid source id for whatsapp inbox. valid Regex " + WHATSAPP);
        }
        return sourceId;
    }

    private static String derived(ChannelType type, String medium, String email, String phoneNumber) {
        return switch (type) {
            case EMAIL -> required(email, "contact email");
            case SMS -> required(phoneNumber, "contact phone number");
            case WHATSAPP -> required(phoneNumber, "contact phone number").replace("+", "");
            case TWILIO -> ("whatsapp".equals(medium) ? "whatsapp:" : "")
                    + required(phoneNumber, "contact phone number");
            // InboxLink draws their UUIDs
            case API, WEB_WIDGET -> throw new IllegalStateException("No source id drawn for " + type);
        };
    }

    private static String required(String value, String param) {
        if (value == null || value.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "param is missing or the value is empty: " + param);
        }
        return value;
    }

    private static ValidationFailedException invalid(String message) {
        return new ValidationFailedException(List.of(new Violation("source_id", message)));
    }
}
