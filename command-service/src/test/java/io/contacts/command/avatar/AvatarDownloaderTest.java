package io.contacts.command.avatar;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code avatar_url} SSRF with real servers and the JDK's resolver: names come from {@code src/test/resources/ssrf-hosts}
 * (surefire's {@code -Djdk.net.hosts.file}). A "front" server on 127.0.0.1 stands for a public host (the downloader
 * under test admits exactly that address) and redirects anywhere; the refused "inside" server on 127.0.0.2 counts
 * every request it gets, and must get none.
 */
class AvatarDownloaderTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R'};
    private static final AtomicInteger insideRequests = new AtomicInteger();
    private static HttpServer front;
    private static HttpServer inside;

    /** As the policy admits a public host: here only the front server's address. */
    private final AvatarDownloader downloader = new AvatarDownloader(
            address -> address.getHostAddress().equals("127.0.0.1"), Duration.ofSeconds(2));
    /** The production policy. */
    private final AvatarDownloader strict = new AvatarDownloader(new AddressPolicy(false)::allows,
            Duration.ofSeconds(1));

    @BeforeAll
    static void servers() throws IOException {
        inside = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        inside.createContext("/", exchange -> {
            insideRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        inside.start();
        front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        front.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/redirect/")) {
                exchange.getResponseHeaders().add("Location",
                        URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("to=".length()),
                                StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(Integer.parseInt(path.substring("/redirect/".length())), -1);
            } else {
                exchange.sendResponseHeaders(200, PNG.length);
                exchange.getResponseBody().write(PNG);
            }
            exchange.close();
        });
        front.start();
    }

    @AfterAll
    static void stop() {
        front.stop(0);
        inside.stop(0);
    }

    @BeforeEach
    void reset() {
        insideRequests.set(0);
    }

    private static String front(String path) {
        return "http://127.0.0.1:" + front.getAddress().getPort() + path;
    }

    private static int insidePort() {
        return inside.getAddress().getPort();
    }

    @Test
    void theFrontServesAndRedirectsToAllowedAddressesAreFollowed() throws InterruptedException {
        assertThat(downloader.download(front("/avatar.png")).bytes()).isEqualTo(PNG);
        String allowedName = "http://images.ssrf.test:" + front.getAddress().getPort() + "/avatar.png";
        assertThat(downloader.download(front("/redirect/302?to=" + URLEncoder.encode(allowedName,
                StandardCharsets.UTF_8))).bytes()).isEqualTo(PNG);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToARefusedAddressIsNeverFollowed(int status) {
        for (String target : new String[]{"http://127.0.0.2:" + insidePort() + "/avatar.png",
                "http://loopback.ssrf.test:" + insidePort() + "/avatar.png",
                "http://[::ffff:127.0.0.2]:" + insidePort() + "/avatar.png",
                "http://private.ssrf.test/avatar.png", "http://169.254.169.254/latest/meta-data/"}) {
            assertThatThrownBy(() -> downloader.download(front("/redirect/" + status + "?to="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8))))
                    .as(target).isInstanceOf(AvatarDownloadException.class).hasMessageContaining("refused address");
        }
        assertThat(insideRequests).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"private.ssrf.test", "metadata.ssrf.test", "loopback.ssrf.test", "unique-local.ssrf.test",
            "mixed.ssrf.test"})
    void aNameThatResolvesToARefusedAddressIsRefused(String host) {
        assertThatThrownBy(() -> strict.download("http://" + host + ":" + insidePort() + "/avatar.png"))
                .isInstanceOf(AvatarDownloadException.class).hasMessageContaining("refused address");
        assertThat(insideRequests).hasValue(0);
    }

    /**
     * Every spelling of a refused address is refused before any connection, as the JDK reads it: the address
     * checked is the one the client would connect to. ({@code 0x7f.0.0.1} is no address to the JDK but a name that
     * does not resolve; {@code 0177.0.0.1} is read as decimal 177.0.0.1, see {@link AddressPolicyTest}.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "127.1", "2130706433", "0x7f.0.0.1", "0.0.0.0", "[::]", "[::1]",
            "[::ffff:127.0.0.2]", "[::ffff:7f00:2]", "[::127.0.0.2]", "[64:ff9b::7f00:2]", "[2002:7f00:2::]",
            "[fe80::1]", "[fd00::1]", "169.254.169.254", "100.64.0.1", "198.18.0.1", "240.0.0.1", "255.255.255.255"})
    void everySpellingOfARefusedAddressIsRefusedBeforeConnecting(String host) {
        assertThatThrownBy(() -> strict.download("http://" + host + ":" + insidePort() + "/avatar.png"))
                .isInstanceOf(AvatarDownloadException.class)
                .hasMessageMatching("(?s).*(refused address|unknown host|not an http\\(s\\) URL).*");
        assertThat(insideRequests).hasValue(0);
    }
}
