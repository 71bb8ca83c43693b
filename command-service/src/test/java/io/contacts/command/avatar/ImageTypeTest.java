package io.contacts.command.avatar;

import io.contacts.command.web.ValidationFailedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTypeTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void recognisesTheFourTypesByTheirMagicBytes() {
        assertThat(ImageType.of(PNG)).contains("image/png");
        assertThat(ImageType.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains("image/jpeg");
        assertThat(ImageType.of("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(ImageType.of("GIF87a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(ImageType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
    }

    @Test
    void refusesEverythingElse() {
        assertThat(ImageType.of(new byte[0])).isEmpty();
        assertThat(ImageType.of("just text, named avatar.png".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageType.of(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
    }

    @Test
    void anImageGetsANewUnguessableKeyEachTime() {
        AvatarImage first = AvatarImage.of(PNG);
        AvatarImage second = AvatarImage.of(PNG);
        assertThat(first.contentType()).isEqualTo("image/png");
        assertThat(first.key()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.key());
    }

    @Test
    void textAndOversizedBytesAreValidationFailuresOnAvatar() {
        assertThatThrownBy(() -> AvatarImage.of("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationFailedException.class).hasMessage("Avatar filetype not supported");
        byte[] big = new byte[(int) AvatarImage.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> AvatarImage.of(big))
                .isInstanceOf(ValidationFailedException.class).hasMessage("Avatar is too big");
    }
}
