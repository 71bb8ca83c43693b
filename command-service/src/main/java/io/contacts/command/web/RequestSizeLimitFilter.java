package io.contacts.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses request bodies over {@code contacts.web.max-body-size} ({@code contacts.web.max-multipart-size} for
 * multipart bodies, which carry avatar uploads; {@code contacts.imports.max-file-size} for CSV imports;
 * {@code contacts.web.max-batch-body-size} for batch upserts, whose 1,000 contacts outgrow a single write's limit)
 * with 413: by the declared length before anything is read, and while
 * reading for bodies without a length (chunked; multipart parts are bounded by Spring's multipart limits).
 */
@Component
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Pattern IMPORT = Pattern.compile("^/api/v1/accounts/[^/]+/contacts/import/?$");
    private static final Pattern BATCH = Pattern.compile("^/api/v1/accounts/[^/]+/contacts/batch_upsert/?$");

    private final long maxBytes;
    private final long maxMultipartBytes;
    private final long maxImportBytes;
    private final long maxBatchBytes;

    public RequestSizeLimitFilter(@Value("${contacts.web.max-body-size}") DataSize maxBodySize,
                                  @Value("${contacts.web.max-multipart-size}") DataSize maxMultipartSize,
                                  @Value("${contacts.imports.max-file-size}") DataSize maxImportSize,
                                  @Value("${contacts.web.max-batch-body-size}") DataSize maxBatchSize) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxMultipartBytes = maxMultipartSize.toBytes();
        this.maxImportBytes = maxImportSize.toBytes();
        this.maxBatchBytes = maxBatchSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isMultipart(request)
                ? IMPORT.matcher(request.getRequestURI()).matches() ? maxImportBytes : maxMultipartBytes
                : BATCH.matcher(request.getRequestURI()).matches() ? maxBatchBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            JsonErrors.write(response, HttpStatus.PAYLOAD_TOO_LARGE, Map.of("error", tooLarge(limit)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static String tooLarge(long limit) {
        return "Request body is too large (maximum is " + limit + " bytes)";
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit));
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
