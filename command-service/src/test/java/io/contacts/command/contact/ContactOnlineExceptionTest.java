package io.contacts.command.contact;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactOnlineExceptionTest {

    @Test
    void namesTheContactAsStoredUnderTheKeyMessage() {
        ContactOnlineException e = new ContactOnlineException("John Doe");
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(e.body()).isEqualTo(Map.of("message", "Cannot delete John Doe while they are online"));
    }

    @Test
    void aContactWithoutANameIsThisContact() {
        assertThat(ContactOnlineException.message("")).isEqualTo("Cannot delete this contact while they are online");
        assertThat(ContactOnlineException.message(null))
                .isEqualTo("Cannot delete this contact while they are online");
    }
}
