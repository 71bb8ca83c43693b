package io.contacts.command.inbox;

import io.contacts.command.account.AccountMember;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inboxes and their members: account configuration, so reads are served here too (the edge routes every method of
 * these paths to the command-service).
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
class InboxController {

    private static final int MAX_LENGTH = 255;
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{1,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final Inboxes inboxes;

    InboxController(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @PostMapping("/inboxes")
    Map<String, Object> create(@RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member,
                               JsonBody body) {
        member.requireAdministrator();
        String name = body.text("name");
        Map<String, Object> channel = body.object("channel");
        Optional<ChannelType> type = Optional.ofNullable(text(channel, "type")).flatMap(ChannelType::of);
        String medium = text(channel, "medium");
        String email = Optional.ofNullable(text(channel, "email")).map(e -> e.trim().toLowerCase(Locale.ROOT))
                .orElse(null);
        String phone = text(channel, "phone_number");
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "Name can't be blank"));
        } else if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            violations.add(new Violation("name", "Name is too long (maximum is 255 characters)"));
        }
        if (type.isEmpty()) {
            violations.add(new Violation("channel", "Channel type must be one of "
                    + "api, email, web_widget, sms, whatsapp, twilio"));
        } else {
            checkChannel(violations, type.get(), medium, email, phone);
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        ChannelType channelType = type.get();
        return inboxes.create(member.accountId(), name, channelType,
                channelType == ChannelType.TWILIO ? medium : null,
                channelType == ChannelType.EMAIL ? email : null,
                needsPhone(channelType) ? phone : null).json();
    }

    @GetMapping("/inboxes")
    Map<String, Object> list(@RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        return Map.of("payload", inboxes.visibleTo(member).stream().map(Inbox::json).toList());
    }

    /** Chatwoot's "add agents to an inbox": the answer lists all of the inbox's members. */
    @PostMapping("/inbox_members")
    Map<String, Object> addMembers(@RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member,
                                   JsonBody body) {
        member.requireAdministrator();
        Inbox inbox = inbox(member, body);
        inboxes.addMembers(inbox, userIds(member, body));
        return Map.of("payload", inboxes.members(inbox));
    }

    /** Chatwoot's "remove agents from an inbox": 200 with an empty body; users who were not members are ignored. */
    @DeleteMapping("/inbox_members")
    ResponseEntity<Void> removeMembers(@RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member,
                                       JsonBody body) {
        member.requireAdministrator();
        Inbox inbox = inbox(member, body);
        inboxes.removeMembers(inbox, userIds(member, body));
        return ResponseEntity.ok().build();
    }

    private Inbox inbox(AccountMember member, JsonBody body) {
        return Optional.ofNullable(body.number("inbox_id")).flatMap(id -> inboxes.find(member.accountId(), id))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Inbox not found"));
    }

    private List<Long> userIds(AccountMember member, JsonBody body) {
        List<Long> userIds = new ArrayList<>(new LinkedHashSet<>(body.numbers("user_ids")));
        if (userIds.isEmpty()) {
            throw new ValidationFailedException(List.of(new Violation("user_ids", "User ids can't be blank")));
        }
        if (!inboxes.strangers(member.accountId(), userIds).isEmpty()) {
            throw new ValidationFailedException(List.of(new Violation("user_ids",
                    "User ids must name members of the account")));
        }
        return userIds;
    }

    private static void checkChannel(List<Violation> violations, ChannelType type, String medium, String email,
                                     String phone) {
        if (type == ChannelType.TWILIO && !List.of("sms", "whatsapp").contains(String.valueOf(medium))) {
            violations.add(new Violation("medium", "Medium must be sms or whatsapp"));
        }
        if (type == ChannelType.EMAIL) {
            if (email == null || email.isEmpty()) {
                violations.add(new Violation("email", "Email can't be blank"));
            } else if (!EMAIL.matcher(email).matches() || email.length() > MAX_LENGTH) {
                violations.add(new Violation("email", "Email is invalid"));
            }
        }
        if (needsPhone(type)) {
            if (phone == null || phone.isBlank()) {
                violations.add(new Violation("phone_number", "Phone number can't be blank"));
            } else if (!PHONE.matcher(phone).matches()) {
                violations.add(new Violation("phone_number", "Phone number should be in e164 format"));
            }
        }
    }

    private static boolean needsPhone(ChannelType type) {
        return type == ChannelType.SMS || type == ChannelType.WHATSAPP || type == ChannelType.TWILIO;
    }

    private static String text(Map<String, Object> channel, String key) {
        Object value = channel.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "channel." + key + " must be a string");
        }
        return text;
    }
}
