package io.contacts.query.exporting;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadLinksTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final DownloadLinks links = new DownloadLinks("secret".getBytes(StandardCharsets.UTF_8),
            "http://edge.test/", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkIsAbsoluteAndValidUntilItExpires() {
        String url = links.url(12, 345, NOW.plusSeconds(60));
        assertThat(url).startsWith("http://edge.test/api/v1/accounts/12/data_exports/345/download?expires="
                + NOW.plusSeconds(60).getEpochSecond() + "&signature=");
        assertThat(links.covers(request(url))).isTrue();
        assertThat(links.signatureValid(request(url))).isTrue();
        assertThat(links.signatureValid(request(links.url(12, 345, NOW.minusSeconds(1))))).isFalse();
    }

    @Test
    void aLinkIsValidOnlyForItsAccountJobAndExpiry() {
        String url = links.url(12, 345, NOW.plusSeconds(60));
        assertThat(links.signatureValid(request(url.replace("/345/", "/346/")))).isFalse();
        assertThat(links.signatureValid(request(url.replace("/12/", "/13/")))).isFalse();
        assertThat(links.signatureValid(request(url.replace("expires=" + NOW.plusSeconds(60).getEpochSecond(),
                "expires=" + NOW.plusSeconds(6000).getEpochSecond())))).isFalse();
        assertThat(links.signatureValid(request(url.substring(0, url.indexOf("&signature="))))).isFalse();
        DownloadLinks otherSecret = new DownloadLinks("other".getBytes(StandardCharsets.UTF_8), "http://edge.test",
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherSecret.signatureValid(request(url))).isFalse();
    }

    @Test
    void onlyTheDownloadPathIsCovered() {
        assertThat(links.covers(request("http://edge.test/api/v1/accounts/12/data_exports/345"))).isFalse();
        assertThat(links.covers(request("http://edge.test/api/v1/accounts/12/contacts/export"))).isFalse();
    }

    private static MockHttpServletRequest request(String url) {
        URI uri = URI.create(url);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri.getPath());
        request.setServletPath(uri.getPath());
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return request;
    }
}
