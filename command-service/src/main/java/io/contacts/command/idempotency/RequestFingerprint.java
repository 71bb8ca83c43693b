package io.contacts.command.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request whose body is digested as the handler reads it, so that its fingerprint (SHA-256 of method, path, query
 * and body) costs no copy of the body. Form and multipart bodies are read by the container, not through this stream:
 * their fingerprint is taken from their parameters and parts.
 */
final class RequestFingerprint extends HttpServletRequestWrapper {

    static final String ATTRIBUTE = RequestFingerprint.class.getName();

    private final MessageDigest body = sha256();
    private ServletInputStream digesting;
    private byte[] fingerprint;

    RequestFingerprint(HttpServletRequest request) {
        super(request);
        request.setAttribute(ATTRIBUTE, this);
    }

    static RequestFingerprint of(HttpServletRequest request) {
        return (RequestFingerprint) request.getAttribute(ATTRIBUTE);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (digesting == null) {
            digesting = new Digesting(super.getInputStream(), body);
        }
        return digesting;
    }

    /** The fingerprint; reads what the handler left of the body, if anything. */
    byte[] value() {
        if (fingerprint == null) {
            MessageDigest digest = sha256();
            update(digest, getMethod());
            update(digest, getRequestURI());
            update(digest, getQueryString() == null ? "" : getQueryString());
            try {
                if (isForm()) {
                    formFields(digest);
                } else {
                    getInputStream().transferTo(OutputStream.nullOutputStream());
                    digest.update(body.digest());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fingerprint = digest.digest();
        }
        return fingerprint;
    }

    private void formFields(MessageDigest digest) throws IOException {
        new TreeMap<>(getParameterMap()).forEach((name, values) -> {
            update(digest, name);
            for (String value : values) {
                update(digest, value);
            }
        });
        String type = getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return;
        }
        try {
            Map<String, Part> files = new TreeMap<>();
            for (Part part : getParts()) {
                if (part.getSubmittedFileName() != null) {
                    files.put(part.getName() + "\n" + part.getSubmittedFileName(), part);
                }
            }
            for (Map.Entry<String, Part> file : files.entrySet()) {
                update(digest, file.getKey());
                try (InputStream in = file.getValue().getInputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    private boolean isForm() {
        try {
            MediaType type = getContentType() == null ? null : MediaType.parseMediaType(getContentType());
            return type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type)
                    || MediaType.MULTIPART_FORM_DATA.includes(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Digesting extends ServletInputStream {

        private final ServletInputStream in;
        private final MessageDigest digest;

        Digesting(ServletInputStream in, MessageDigest digest) {
            this.in = in;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
