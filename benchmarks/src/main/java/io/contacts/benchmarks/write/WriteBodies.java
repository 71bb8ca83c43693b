package io.contacts.benchmarks.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The bodies a dashboard sends to create and update contacts. Emails, phone numbers and identifiers are unique per
 * run and per write: {@code kind} (1 write, 2 lag) and the run number (6 digits) lead every phone number, the write's
 * number (7 digits) ends it: {@code +1 K RRRRRR NNNNNNN}, 15 digits as E.164 allows.
 */
public final class WriteBodies {

    private static final List<String> FIRST = List.of("Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis",
            "Barbara", "Ken", "José", "Zoë");
    private static final List<String> LAST = List.of("Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton",
            "Ritchie", "Liskov", "Thompson", "Núñez", "Østergaard");
    private static final List<String> CITIES = List.of("Berlin", "Lisbon", "Austin", "Osaka", "Nairobi");
    private static final List<String> PLANS = List.of("free", "pro", "enterprise");
    static final int MAX_WRITES = 10_000_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final int kind;
    private final int run;

    /** {@code kind} 1..9 tells the benchmarks apart, {@code run} (0..999,999) the runs. */
    public WriteBodies(int kind, int run) {
        if (kind < 1 || kind > 9 || run < 0 || run > 999_999) {
            throw new IllegalArgumentException("kind 1..9 and run 0..999999, not " + kind + " and " + run);
        }
        this.kind = kind;
        this.run = run;
    }

    /** A run number from the clock: runs started more than a second apart differ for 11 days. */
    public static int runFromClock() {
        return (int) (System.currentTimeMillis() / 1000 % 1_000_000);
    }

    public String email(int i) {
        return String.format(Locale.ROOT, "w%d-%06d-%d@write.bench.test", kind, run, i);
    }

    public String phone(int i) {
        if (i < 0 || i >= MAX_WRITES) {
            throw new IllegalArgumentException("write number " + i + " out of 0.." + (MAX_WRITES - 1));
        }
        return String.format(Locale.ROOT, "+1%d%06d%07d", kind, run, i);
    }

    public String identifier(int i) {
        return String.format(Locale.ROOT, "w%d-%06d-%d", kind, run, i);
    }

    /** POST /contacts: a full contact as a form or an integration creates it. */
    public String create(int i) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", FIRST.get(i % FIRST.size()) + " " + LAST.get(i / FIRST.size() % LAST.size()));
        body.put("email", email(i));
        body.put("phone_number", phone(i));
        body.put("identifier", identifier(i));
        ObjectNode additional = body.putObject("additional_attributes");
        additional.put("company_name", "Bench " + (i % 97) + " Ltd");
        additional.put("city", CITIES.get(i % CITIES.size()));
        ObjectNode custom = body.putObject("custom_attributes");
        custom.put("plan", PLANS.get(i % PLANS.size()));
        custom.put("signup_date", String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28));
        return body.toString();
    }

    /** PATCH/PUT /contacts/{id}: a new name, city and plan, as an agent edits a contact. */
    public String update(int i) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", FIRST.get((i + 3) % FIRST.size()) + " " + LAST.get((i + 7) % LAST.size()) + " " + i);
        body.putObject("additional_attributes").put("city", CITIES.get((i + 1) % CITIES.size()));
        body.putObject("custom_attributes").put("plan", PLANS.get((i + 1) % PLANS.size()));
        return body.toString();
    }
}
