package io.contacts.command.account;

import io.contacts.command.idempotency.AnswerHoldsSecret;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Chatwoot's platform API, as far as accounts, users with their access token, and memberships go. */
@RestController
@RequestMapping("/platform/api/v1")
class PlatformController {

    private static final int MAX_LENGTH = 255;
    private static final int MIN_PASSWORD = 6;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final AccountDirectory directory;
    private final PasswordEncoder passwords;

    PlatformController(AccountDirectory directory, PasswordEncoder passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    @PostMapping("/accounts")
    Map<String, Object> createAccount(JsonBody body) {
        String name = body.text("name");
        List<Violation> violations = new ArrayList<>();
        requireText(violations, "name", "Name", name);
        failIfAny(violations);
        return ordered("id", directory.createAccount(name), "name", name);
    }

    @PostMapping("/users")
    @AnswerHoldsSecret
    Map<String, Object> createUser(JsonBody body) {
        String name = body.text("name");
        String email = body.text("email") == null ? null : body.text("email").trim().toLowerCase(Locale.ROOT);
        String password = body.text("password");
        List<Violation> violations = new ArrayList<>();
        requireText(violations, "name", "Name", name);
        requireText(violations, "email", "Email", email);
        if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add(new Violation("email", "Email is invalid"));
        }
        if (password == null || password.isEmpty()) {
            violations.add(new Violation("password", "Password can't be blank"));
        } else if (password.length() < MIN_PASSWORD) {
            violations.add(new Violation("password", "Password is too short (minimum is 6 characters)"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            violations.add(new Violation("password", "Password is too long (maximum is 72 characters)"));
        }
        failIfAny(violations);
        String token = AccessTokens.generate();
        long id;
        try {
            id = directory.createUser(name, email, passwords.encode(password), token);
        } catch (DuplicateKeyException e) {
            throw new ValidationFailedException(List.of(new Violation("email", "Email has already been taken")));
        }
        Map<String, Object> user = ordered("id", id, "name", name);
        user.put("email", email);
        user.put("access_token", token);
        return user;
    }

    @PostMapping("/accounts/{accountId}/account_users")
    Map<String, Object> putMember(@PathVariable String accountId, JsonBody body) {
        long account = parseId(accountId).filter(directory::accountExists)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Account not found"));
        Long userId = body.number("user_id");
        Optional<Role> role = Optional.ofNullable(body.text("role")).flatMap(Role::of);
        List<Violation> violations = new ArrayList<>();
        if (userId == null) {
            violations.add(new Violation("user", "User can't be blank"));
        }
        if (role.isEmpty()) {
            violations.add(new Violation("role", "Role is not included in the list"));
        }
        failIfAny(violations);
        if (!directory.userExists(userId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "User not found");
        }
        directory.putMember(account, userId, role.get());
        Map<String, Object> member = ordered("account_id", account, "user_id", userId);
        member.put("role", role.get().value());
        return member;
    }

    /** Chatwoot's platform "remove a user from an account": 200 with an empty body. */
    @DeleteMapping("/accounts/{accountId}/account_users")
    ResponseEntity<Void> removeMember(@PathVariable String accountId, JsonBody body) {
        long account = parseId(accountId).filter(directory::accountExists)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Account not found"));
        Long userId = body.number("user_id");
        if (userId == null) {
            throw new ValidationFailedException(List.of(new Violation("user", "User can't be blank")));
        }
        if (!directory.removeMember(account, userId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "User not found");
        }
        return ResponseEntity.ok().build();
    }

    private static void requireText(List<Violation> violations, String attribute, String label, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(attribute, label + " can't be blank"));
        } else if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            violations.add(new Violation(attribute, label + " is too long (maximum is 255 characters)"));
        }
    }

    private static void failIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static Optional<Long> parseId(String id) {
        return id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
