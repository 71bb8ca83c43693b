package io.contacts.command.contact;

import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.IDENTIFIER;
import static io.contacts.events.ContactUpdated.NAME;
import static io.contacts.events.ContactUpdated.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

class ContactRulesTest {

    private static final ContactChanges NONE = new ContactChanges(Set.of(), null, null, null, null, null, null, null);

    private static ContactChanges sent(String field, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(field, value);
        return new ContactChanges(Set.of(field), values.get(NAME), values.get(EMAIL), values.get(PHONE_NUMBER),
                values.get(IDENTIFIER), null, null, null);
    }

    private static ValidationFailedException failure(ContactChanges changes) {
        try {
            ContactRules.normalised(changes);
        } catch (ValidationFailedException e) {
            return e;
        }
        throw new AssertionError("expected a validation failure");
    }

    @Test
    void lowerCasesTheEmail() {
        assertThat(ContactRules.normalised(sent(EMAIL, "Test@test.com")).email()).isEqualTo("test@test.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankEmailPhoneAndIdentifierBecomeNull(String blank) {
        assertThat(ContactRules.normalised(sent(EMAIL, blank)).email()).isNull();
        assertThat(ContactRules.normalised(sent(PHONE_NUMBER, blank)).phoneNumber()).isNull();
        assertThat(ContactRules.normalised(sent(IDENTIFIER, blank)).identifier()).isNull();
    }

    @Test
    void keepsTheNameAndIdentifierAsGiven() {
        assertThat(ContactRules.normalised(sent(NAME, " John ")).name()).isEqualTo(" John ");
        assertThat(ContactRules.normalised(sent(IDENTIFIER, "TestIdentifier")).identifier())
                .isEqualTo("TestIdentifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<2324234234", "no-at", "two@@example.com", "a b@example.com", "a@b@c", " a@b.c"})
    void refusesInvalidEmails(String email) {
        assertThat(failure(sent(EMAIL, email)).violations())
                .containsExactly(new Violation("email", "Email is invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"test@test.com", "a@b", "x+tag@sub.example.org"})
    void acceptsValidEmails(String email) {
        assertThat(ContactRules.normalised(sent(EMAIL, email)).email()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "+0123", "+1", "+1234567890123456", "abc+12345", "00+4912345", "+49 123"})
    void refusesPhoneNumbersOutsideE164(String phone) {
        assertThat(failure(sent(PHONE_NUMBER, phone)).getMessage()).isEqualTo("Phone number should be in e164 format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12000000", "+12312312321", "+918080808080", "+123456789012345"})
    void acceptsE164PhoneNumbers(String phone) {
        assertThat(ContactRules.normalised(sent(PHONE_NUMBER, phone)).phoneNumber()).isEqualTo(phone);
    }

    @Test
    void limitsEveryStringTo255Characters() {
        assertThat(failure(sent(NAME, "test".repeat(999))).getMessage())
                .isEqualTo("Name is too long (maximum is 255 characters)");
        assertThat(failure(sent(IDENTIFIER, "i".repeat(256))).getMessage())
                .isEqualTo("Identifier is too long (maximum is 255 characters)");
        assertThat(ContactRules.normalised(sent(NAME, "n".repeat(255))).name()).hasSize(255);
        // characters, not UTF-16 units: 255 emoji fit
        assertThat(ContactRules.normalised(sent(NAME, "🏠".repeat(255))).name()).isNotNull();
    }

    @Test
    void namesEveryProblemAtOnce() {
        ContactChanges changes = new ContactChanges(Set.of(NAME, EMAIL, PHONE_NUMBER), "n".repeat(300), "bad",
                "123", null, null, null, null);
        ValidationFailedException e = failure(changes);
        assertThat(e.getMessage()).isEqualTo("Name is too long (maximum is 255 characters), Email is invalid, "
                + "Phone number should be in e164 format");
        assertThat(e.violations()).extracting(Violation::attribute).containsExactly(NAME, EMAIL, PHONE_NUMBER);
    }

    @Test
    void checksOnlyTheFieldsSent() {
        ContactChanges changes = new ContactChanges(Set.of(NAME), "ok", "not checked", null, null, null, null, null);
        assertThat(ContactRules.normalised(changes).fields()).containsExactly(NAME);
    }

    @Test
    void keepsAttributesAndBlocked() {
        ContactChanges changes = new ContactChanges(Set.of(ContactChanges.BLOCKED), null, null, null, null, true,
                Map.of("a", 1), Map.of("b", "c"));
        ContactChanges normalised = ContactRules.normalised(changes);
        assertThat(normalised.blocked()).isTrue();
        assertThat(normalised.customAttributes()).isEqualTo(Map.of("a", 1));
        assertThat(normalised.additionalAttributes()).isEqualTo(Map.of("b", "c"));
    }

    @Test
    void acceptsAnEmptyRequest() {
        assertThat(ContactRules.normalised(NONE).fields()).isEmpty();
    }
}
