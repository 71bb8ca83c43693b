package io.contacts.query.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A public path whose URL carries its own authorisation (a signature) instead of an access token, such as a link
 * sent by email; the {@link AccessFilter} lets a request through on it only when the signature holds.
 */
public interface SignedPath {

    /** Whether the request is for this path (then it is judged by its signature, never by a token). */
    boolean covers(HttpServletRequest request);

    boolean signatureValid(HttpServletRequest request);

    /** The error text of a refused request. */
    String refusal();
}
