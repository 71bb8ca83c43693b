package io.contacts.query.contact;

/**
 * The {@code page} and {@code per_page} parameters: a page below 1 or not a number is page 1; {@code per_page} is
 * 15 by default and kept within 1..100. {@code currentPage} echoes the raw {@code page} as Chatwoot does: the string
 * as given, or the integer 1 when absent.
 */
public record Paging(long page, int perPage, Object currentPage) {

    static final int DEFAULT_PER_PAGE = 15;
    static final int MAX_PER_PAGE = 100;

    public static Paging of(String page, String perPage) {
        return new Paging(Math.max(1, parse(page, 1)), (int) Math.min(MAX_PER_PAGE, Math.max(1,
                parse(perPage, DEFAULT_PER_PAGE))), page == null ? Integer.valueOf(1) : page);
    }

    /** The offset of the first item; saturates instead of overflowing for absurd pages. */
    public long from() {
        try {
            return Math.multiplyExact(page - 1, (long) perPage);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long parse(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
