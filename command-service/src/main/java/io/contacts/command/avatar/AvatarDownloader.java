package io.contacts.command.avatar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Downloads an avatar from a URL a client gave, guarding against server-side request forgery: http(s) only, every
 * address the host resolves to must be allowed by the {@link AddressPolicy}, redirects are followed by hand (at most
 * {@value #MAX_REDIRECTS}) and each hop is checked again, the body is bounded while it streams and its type is
 * recognised by content.
 */
@Component
public class AvatarDownloader {

    static final int MAX_REDIRECTS = 3;

    private final Predicate<InetAddress> allowed;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "avatar-download-deadline");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public AvatarDownloader(@Value("${contacts.avatars.allow-private-addresses}") boolean allowPrivate,
                            @Value("${contacts.avatars.fetch-timeout}") Duration timeout) {
        this(new AddressPolicy(allowPrivate)::allows, timeout);
    }

    /** A downloader that connects only to the addresses {@code allowed} admits. */
    public AvatarDownloader(Predicate<InetAddress> allowed, Duration timeout) {
        this.allowed = allowed;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The image at {@code url}; an {@link AvatarDownloadException} says why there is none. */
    public AvatarImage download(String url) throws InterruptedException {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("Accept", "image/*").build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new AvatarDownloadException("cannot fetch " + uri + ": " + e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response.body());
                uri = parse(uri.resolve(response.headers().firstValue("Location").get()).toString());
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw new AvatarDownloadException(uri + " answered " + status);
            }
            return AvatarImage.of(readBounded(response.body()));
        }
        throw new AvatarDownloadException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new AvatarDownloadException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new AvatarDownloadException("not an http(s) URL: " + url);
        }
        return uri;
    }

    /**
     * Every address of the host must be allowed. The JDK caches this lookup (positive answers for 30 s by default),
     * and the HttpClient's own lookup right after reads that cache, so it connects to an address checked here.
     */
    private void check(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new AvatarDownloadException("unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                throw new AvatarDownloadException(uri.getHost() + " resolves to a refused address " + address);
            }
        }
    }

    /** Reads at most one byte more than allowed; a body that stalls is cut off by the deadline. */
    private byte[] readBounded(InputStream body) {
        ScheduledFuture<?> deadline = deadlines.schedule(() -> close(body), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > AvatarImage.MAX_BYTES) {
                    throw AvatarImage.tooBig();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AvatarDownloadException("reading the body failed: " + e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing more to read from it anyway
        }
    }
}
