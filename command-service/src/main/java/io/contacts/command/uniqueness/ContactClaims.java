package io.contacts.command.uniqueness;

import java.util.List;
import java.util.Map;

/**
 * Claims on unique values, made in the caller's transaction: a claim made by a command that then fails is rolled back
 * with it, and a claim another transaction holds uncommitted waits for that transaction to end.
 */
public interface ContactClaims {

    /**
     * Claims each value for the contact (a value it already holds is fine) and returns the kinds whose value another
     * contact of the account holds, in the order of {@link ClaimKind}; nothing is claimed for those.
     */
    List<ClaimKind> claim(long accountId, long contactId, Map<ClaimKind, String> values);

    /** Gives up these values if the contact holds them. */
    void release(long accountId, long contactId, Map<ClaimKind, String> values);

    /** Gives up every value the contact holds. */
    void releaseAll(long accountId, long contactId);
}
