"""Tests of contacts-csv.py: python3 -m unittest discover -s benchmarks -v"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import unittest

GENERATOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "contacts-csv.py")
E164 = re.compile(r"^\+[1-9]\d{1,14}$")


def generate(*args):
    return subprocess.run([sys.executable, GENERATOR, *map(str, args)], check=True, capture_output=True).stdout


def parse(data):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


class ContactsCsvTest(unittest.TestCase):
    rows = parse(generate(20_000, "--prefix", "t1"))

    def test_header_and_row_count(self):
        data = generate(20_000, "--prefix", "t1")
        header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        self.assertEqual(header, ["name", "email", "phone_number", "identifier", "company", "city", "labels", "plan",
                                  "signup_date"])
        self.assertEqual(len(self.rows), 20_000)
        self.assertTrue(all(len(row) == 9 and None not in row for row in self.rows))

    def test_emails_identifiers_and_phone_numbers_are_unique(self):
        for column in ("email", "identifier"):
            self.assertEqual(len({row[column].lower() for row in self.rows}), len(self.rows), column)
        phones = {"+" + row["phone_number"].lstrip("+") for row in self.rows}
        self.assertEqual(len(phones), len(self.rows))

    def test_phone_numbers_are_e164_once_the_plus_is_added_and_some_lack_it(self):
        without_plus = [row["phone_number"] for row in self.rows if not row["phone_number"].startswith("+")]
        self.assertEqual(len(without_plus), 2_000)
        for row in self.rows:
            phone = row["phone_number"]
            self.assertRegex("+" + phone.lstrip("+"), E164)
            self.assertRegex(phone, r"^\+?1\d{10}$")

    def test_emails_are_ascii_and_well_formed(self):
        for row in self.rows:
            self.assertRegex(row["email"], r"^[a-z0-9.-]+@t1\.bench\.test$")

    def test_names_repeat_so_a_fragment_finds_many(self):
        self.assertGreater(sum("Lovelace" in row["name"] for row in self.rows), 500)

    def test_labels_with_a_comma_inside_are_quoted(self):
        labelled = [row["labels"] for row in self.rows if row["labels"]]
        self.assertEqual(len(labelled), 5_000)
        self.assertIn("vip,beta", labelled)
        raw = generate(8).decode("utf-8")
        self.assertIn('"vip', raw)

    def test_embedded_commas_and_newlines_survive_parsing(self):
        self.assertEqual(sum(row["company"].endswith(", Inc.") for row in self.rows), 400)
        cities = [row["city"] for row in self.rows if "\n" in row["city"]]
        self.assertEqual(len(cities), 20)
        self.assertTrue(all(city.endswith("\nNorth district") for city in cities))

    def test_custom_attribute_columns(self):
        self.assertEqual({row["plan"] for row in self.rows}, {"free", "starter", "pro", "enterprise"})
        self.assertTrue(all(re.fullmatch(r"20\d\d-\d\d-\d\d", row["signup_date"]) for row in self.rows))

    def test_same_arguments_give_the_same_bytes_and_another_seed_other_names(self):
        self.assertEqual(generate(500, "--seed", 7), generate(500, "--seed", 7))
        self.assertNotEqual([r["name"] for r in parse(generate(500, "--seed", 7))],
                            [r["name"] for r in parse(generate(500, "--seed", 8))])

    def test_another_prefix_gives_other_emails_identifiers_and_phone_numbers(self):
        first, second = parse(generate(1_000, "--prefix", "run-a")), parse(generate(1_000, "--prefix", "run-b"))
        for column in ("email", "identifier", "phone_number"):
            self.assertFalse({r[column] for r in first} & {r[column] for r in second}, column)

    def test_out_writes_the_same_bytes_as_standard_output(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "contacts.csv")
            generate(1_500, "--out", path)
            with open(path, "rb") as written:
                self.assertEqual(written.read(), generate(1_500))

    def test_bad_arguments_are_refused(self):
        for args in (["0"], ["-3"], ["10", "--prefix", "Bad_Prefix"], ["10", "--prefix", "-x"], ["many"]):
            result = subprocess.run([sys.executable, GENERATOR, *args], capture_output=True)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(b"error", result.stderr)


if __name__ == "__main__":
    unittest.main()
