package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile headers and request framing: tokens too large or not ASCII, wrong or missing content types, missing bodies,
 * odd transfer encodings, URIs nginx or Tomcat refuse. Every answer is JSON, never a 5xx, and nothing is written.
 */
class HostileHeadersIT {

    private static final HostileAccount ACCOUNT = new HostileAccount();

    private Edge.Reply send(String method, String path, Map<String, String> headers, String body) {
        return ACCOUNT.edge.raw(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> token(String contentType) {
        return Map.of("api_access_token", ACCOUNT.admin.token(), "Content-Type", contentType);
    }

    @Test
    void tokensTooLargeOrNotAsciiAre401OrA400WithJson() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        for (int size : new int[]{300, 7_000, 20_000, 100_000}) {
            Edge.Reply reply = send("POST", Edge.contacts(ACCOUNT.admin), Map.of("api_access_token", "a".repeat(size),
                    "Content-Type", "application/json"), "{\"name\":\"" + HostileAccount.PROBE + "\"}");
            Verdict.rejected(reply, "a token of " + size + " characters", 400, 401);
        }
        for (String token : new String[]{"\u00e4\u00f6\u00fc", "\u00ff\u00fe", "Bearer x", "x\ty", "' OR 1=1 --"}) {
            Verdict.rejected(send("GET", Edge.contacts(ACCOUNT.admin), Map.of("api_access_token", token), null),
                    "token " + token, 401);
        }
        // bytes the JDK client will not send: non-Latin-1 and raw control bytes in the header, over a socket
        for (byte[] token : new byte[][]{"äöü€😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3, 0x28},
                {0x01, 0x7F}, {(byte) 0xFF}}) {
            RawReply reply = raw(("GET " + Edge.contacts(ACCOUNT.admin) + " HTTP/1.1\r\nHost: x\r\napi_access_token: ")
                    .getBytes(StandardCharsets.ISO_8859_1), token,
                    "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            reply.assertJsonError("token bytes", 400, 401);
        }
        ACCOUNT.assertUnchanged(before, "hostile tokens");
    }

    @Test
    void jsonEndpointsReadTheBodyAsJsonWhateverItsTypeButMultipartAndForms() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        String contacts = Edge.contacts(ACCOUNT.admin);
        Verdict.rejected(send("POST", contacts, token("text/plain"), "name=" + HostileAccount.PROBE), "text/plain",
                400);
        Verdict.rejected(send("POST", contacts, token("application/xml"), "<contact/>"), "xml", 400);
        Verdict.rejected(send("POST", contacts, token("multipart/form-data"), "{\"name\":\"x\"}"),
                "multipart without a boundary", 400);
        Verdict.rejected(send("POST", contacts, token("multipart/form-data; boundary=b"),
                "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + HostileAccount.PROBE),
                "multipart without its end", 400);
        Verdict.rejected(send("POST", contacts, token("application/json; charset=klingon"), "{\"name\":1"),
                "an unknown charset", 400);
        Verdict.rejected(send("POST", contacts + "/filter", token("text/plain"), "payload"), "filter text", 400);
        Verdict.rejected(send("POST", ACCOUNT.base() + "/inboxes", token(";;;"), "{"), "a broken media type", 400);
        ACCOUNT.assertUnchanged(before, "wrong content types");
    }

    @Test
    void missingBodiesAreEmptyObjects() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        Verdict.rejected(send("POST", ACCOUNT.base() + "/inboxes", token("application/json"), null), "no inbox", 422);
        Verdict.rejected(send("POST", ACCOUNT.base() + "/custom_attribute_definitions", token("application/json"),
                null), "no definition", 422);
        Verdict.rejected(send("POST", ACCOUNT.base() + "/inbox_members", token("application/json"), null),
                "no members", 404, 422);
        Verdict.rejected(send("POST", ACCOUNT.contact() + "/contact_inboxes", token("application/json"), null),
                "no inbox to link", 404, 422);
        Verdict.rejected(send("POST", Edge.contacts(ACCOUNT.admin) + "/filter", token("application/json"), null),
                "no filter", 422);
        Verdict.rejected(send("POST", "/platform/api/v1/users", Map.of("api_access_token",
                TestInfrastructure.platformToken()), null), "no user", 422);
        ACCOUNT.assertUnchanged(before, "missing bodies");
    }

    @Test
    void importTakesOnlyAMultipartFile() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        String imports = Edge.contacts(ACCOUNT.admin) + "/import";
        Verdict.rejected(send("POST", imports, token("application/json"), "{\"import_file\":\"name\\nx\"}"),
                "JSON import", 422);
        Verdict.rejected(send("POST", imports, token("text/csv"), "name\nx"), "a bare CSV body", 422);
        Verdict.rejected(send("POST", imports, token("multipart/form-data"), "name\nx"), "no boundary", 400);
        Verdict.rejected(send("POST", imports, token("multipart/form-data; boundary=b"),
                "--b\r\nContent-Disposition: form-data; name=\"import_file\"; filename=\"a.csv\"\r\n\r\nname\nx"),
                "an unterminated part", 400, 422);
        ACCOUNT.assertUnchanged(before, "imports without a file");
    }

    /** Framing the JDK client will not produce: odd chunking, both lengths, a body longer than declared. */
    @Test
    void oddTransferEncodingsAreRefusedOrReadWhole() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        String head = "POST " + Edge.contacts(ACCOUNT.admin) + " HTTP/1.1\r\nHost: x\r\napi_access_token: "
                + ACCOUNT.admin.token() + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String body = "{\"name\":\"" + HostileAccount.PROBE + "\",\"email\":1}";
        for (String request : new String[]{
                head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n",
                head + "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                head + "Transfer-Encoding: identity\r\n\r\n" + body,
                head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n",
                head + "Content-Length: 2\r\n\r\n" + body,
                head + "Content-Length: -1\r\n\r\n" + body,
                head + "Content-Length: 99999999999999999999\r\n\r\n" + body}) {
            raw(request.getBytes(StandardCharsets.UTF_8)).assertJsonError(request.lines().skip(5)
                    .limit(2).toList().toString(), 400, 411, 413, 422, 501);
        }
        ACCOUNT.assertUnchanged(before, "odd framing");
    }

    /**
     * Bodies over a service's 1 MB limit but within the edge's 20 MB: the service refuses them at once and reads the
     * rest, so the edge relays its 413 (a service that closed mid-body made nginx answer 502: found by the suite).
     */
    @Test
    void largeBodiesAre413NeverA502() {
        HostileAccount.Snapshot before = ACCOUNT.snapshot();
        for (int megabytes : new int[]{3, 8, 19}) {
            String body = "{\"name\":\"" + HostileAccount.PROBE + "a".repeat(megabytes << 20) + "\"}";
            for (String path : new String[]{Edge.contacts(ACCOUNT.admin), Edge.contacts(ACCOUNT.admin) + "/filter",
                    "/platform/api/v1/users"}) {
                String token = path.startsWith("/platform") ? TestInfrastructure.platformToken() : ACCOUNT.admin.token();
                for (int i = 0; i < 3; i++) {
                    Verdict.rejected(send("POST", path, Map.of("api_access_token", token,
                            "Content-Type", "application/json"), body), megabytes + " MB to " + path, 413);
                }
            }
        }
        ACCOUNT.assertUnchanged(before, "large bodies");
    }

    @Test
    void urisTheEdgeOrTomcatRefuseAreJson() {
        for (String path : new String[]{"/api/v1/accounts/1/contacts/%00", "/api/v1/accounts/1/contacts/x%zz",
                "/api/v1/accounts/" + ACCOUNT.accountId + "/contacts/%2e%2e%2f%2e%2e%2finternal",
                "/api/v1/accounts/" + ACCOUNT.accountId + "/contacts/a%2fb", "/avatars/..%2f..%2fetc%2fpasswd",
                "/api/v1/accounts/1/contacts?" + "a".repeat(20_000) + "=1"}) {
            RawReply reply = raw(("GET " + path + " HTTP/1.1\r\nHost: x\r\napi_access_token: "
                    + ACCOUNT.admin.token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            reply.assertJsonError(path.length() > 100 ? path.substring(0, 100) : path, 400, 404, 414);
        }
        raw(("TRACE " + Edge.contacts(ACCOUNT.admin) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8)).assertJsonError("TRACE", 405);
        raw(("GET /api/v1/accounts/1/contacts HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8))
                .assertJsonError("a big header", 400);
    }

    record RawReply(int status, String body) {

        void assertJsonError(String what, Integer... statuses) {
            Edge.Reply reply = new Edge.Reply(status, parse(body), body);
            if (status == 501 && java.util.List.of(statuses).contains(501)) {
                // a transfer coding nginx does not implement: the answer HTTP prescribes, not a failure of ours
                Verdict.errorBody(reply, what);
                return;
            }
            Verdict.rejected(reply, what, statuses);
        }

        private static JsonNode parse(String body) {
            try {
                return Edge.JSON.readTree(body);
            } catch (IOException e) {
                return Edge.JSON.missingNode();
            }
        }
    }

    private static RawReply raw(byte[]... parts) {
        Edge.Raw answer = ACCOUNT.edge.exchange("127.0.0.1", parts);
        return new RawReply(answer.status(), answer.body().strip());
    }
}
