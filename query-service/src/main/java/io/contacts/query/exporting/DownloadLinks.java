package io.contacts.query.exporting;

import io.contacts.query.access.SignedPath;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Download links that work without a token, as a link in an email must: the URL carries its expiry and an
 * HMAC-SHA256 over account, job and expiry with {@code contacts.exports.signing-secret}.
 */
@Component
class DownloadLinks implements SignedPath {

    private static final Logger log = LoggerFactory.getLogger(DownloadLinks.class);
    private static final Pattern PATH = Pattern.compile("^/api/v1/accounts/(\\d{1,18})/data_exports/(\\d{1,18})/download$");
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String publicUrl;
    private final Clock clock;

    @Autowired
    DownloadLinks(ExportProperties properties, @Value("${contacts.public-url}") String publicUrl) {
        this(secretOf(properties.signingSecret()), publicUrl, Clock.systemUTC());
    }

    DownloadLinks(byte[] secret, String publicUrl, Clock clock) {
        this.secret = secret.clone();
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    private static byte[] secretOf(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        log.warn("contacts.exports.signing-secret is not set: download links are signed with a random secret and "
                + "stop working when this instance restarts");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** The absolute URL of a job's file, valid until {@code expires}. */
    String url(long accountId, long jobId, Instant expires) {
        long expiry = expires.getEpochSecond();
        return publicUrl + "/api/v1/accounts/" + accountId + "/data_exports/" + jobId + "/download?expires=" + expiry
                + "&signature=" + signature(accountId, jobId, expiry);
    }

    @Override
    public boolean covers(HttpServletRequest request) {
        return PATH.matcher(request.getServletPath()).matches();
    }

    @Override
    public boolean signatureValid(HttpServletRequest request) {
        Matcher path = PATH.matcher(request.getServletPath());
        String expires = request.getParameter("expires");
        String signature = request.getParameter("signature");
        if (!path.matches() || expires == null || !expires.matches("\\d{1,12}") || signature == null) {
            return false;
        }
        long expiry = Long.parseLong(expires);
        if (expiry < clock.instant().getEpochSecond()) {
            return false;
        }
        String expected = signature(Long.parseLong(path.group(1)), Long.parseLong(path.group(2)), expiry);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String refusal() {
        return "This download link is invalid or has expired";
    }

    String signature(long accountId, long jobId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] digest = mac.doFinal((accountId + ":" + jobId + ":" + expiry).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
