#!/usr/bin/env python3
"""Writes a deterministic CSV of N contact rows for the import benchmark, one row at a time (constant memory).

Every row has its own email, identifier and phone number; names come from a small word list (a name fragment finds
many contacts); some rows carry labels ("vip,beta", quoted), some phone numbers lack the leading "+", a few fields
hold embedded commas or newlines; plan and signup_date become custom attributes. The same N, seed and prefix give
the same bytes; another prefix gives another namespace of emails, identifiers and phone numbers, so that importing
again into the same account creates new contacts instead of updating the earlier ones.
"""
import argparse
import csv
import datetime
import hashlib
import random
import re
import sys
import unicodedata

HEADER = ["name", "email", "phone_number", "identifier", "company", "city", "labels", "plan", "signup_date"]
FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "José", "Zoë", "Björn",
         "Hedy", "Edsger", "Radia", "Tim"]
LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Núñez",
        "Kay", "Berners-Lee", "Lamarr", "Dijkstra", "Perlman", "Knuth"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Soylent"]
CITIES = ["Berlin", "Lisbon", "Athens", "Prague", "Nairobi", "Osaka", "Toronto", "São Paulo"]
LABELS = ["vip,beta", "vip", "beta", "churned", "vip,churned,beta"]
PLANS = ["free", "starter", "pro", "enterprise"]
MAX_ROWS = 10_000_000  # the row number fills 7 digits of the phone number
FIRST_SIGNUP = datetime.date(2020, 1, 1)


def ascii_word(word):
    """The word as an email local part takes it: lower case, accents dropped (José -> jose)."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def phone_block(prefix):
    """Three digits 200-999 that put a prefix's phone numbers apart from those of most other prefixes."""
    return 200 + int.from_bytes(hashlib.sha256(prefix.encode()).digest()[:4], "big") % 800


def rows(count, seed, prefix):
    rnd = random.Random(seed)
    block = phone_block(prefix)
    for i in range(1, count + 1):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        company = rnd.choice(COMPANIES)
        city = rnd.choice(CITIES)
        if i % 50 == 0:
            company += ", Inc."
        if i % 1000 == 0:
            city += "\nNorth district"
        phone = f"1{block}{i:07d}"
        if i % 10 != 0:  # every tenth number comes without its "+", which the import adds
            phone = "+" + phone
        labels = rnd.choice(LABELS) if i % 4 == 0 else ""
        signup = FIRST_SIGNUP + datetime.timedelta(days=rnd.randrange(2000))
        yield [f"{first} {last}",
               f"{ascii_word(first)}.{ascii_word(last)}.{i}@{prefix}.bench.test",
               phone,
               f"{prefix}-{i:08d}",
               company,
               city,
               labels,
               rnd.choice(PLANS),
               signup.isoformat()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, help=f"number of contact rows (1..{MAX_ROWS})")
    parser.add_argument("--seed", type=int, default=1, help="random seed of names, labels and attributes (1)")
    parser.add_argument("--prefix", default="bench",
                        help="namespace of emails, identifiers and phone numbers: lower-case letters, digits, '-' (bench)")
    parser.add_argument("--out", help="file to write (default: standard output)")
    args = parser.parse_args()
    if not 1 <= args.rows <= MAX_ROWS:
        parser.error(f"rows must be between 1 and {MAX_ROWS}")
    if not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?", args.prefix):
        parser.error("prefix must be 1-40 lower-case letters, digits or '-', not starting or ending with '-'")

    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    if out is sys.stdout:
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    try:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows(args.rows, args.seed, args.prefix))
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(1)
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
