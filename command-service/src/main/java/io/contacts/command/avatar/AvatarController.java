package io.contacts.command.avatar;

import io.contacts.command.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Serves avatar images without a token, like Chatwoot's ActiveStorage URLs: the unguessable key is the capability.
 * A key names one upload forever, so the image may be cached forever.
 */
@RestController
class AvatarController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final AvatarStore avatars;

    AvatarController(AvatarStore avatars) {
        this.avatars = avatars;
    }

    @GetMapping("/avatars/{key}")
    ResponseEntity<byte[]> avatar(@PathVariable String key) {
        return avatars.find(key)
                .map(avatar -> ResponseEntity.ok().cacheControl(FOREVER)
                        .contentType(MediaType.parseMediaType(avatar.contentType())).body(avatar.bytes()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found"));
    }
}
