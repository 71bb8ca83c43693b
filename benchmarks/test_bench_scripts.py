"""Tests of import.sh and export.sh against a stand-in edge that speaks the import/export API contract (issue 4), so
the scripts' polling, counting, reporting and failure messages are checked without a stack:
python3 -m unittest discover -s benchmarks -v"""
import csv
import email.parser
import email.policy
import io
import json
import os
import re
import subprocess
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

BENCHMARKS = os.path.dirname(os.path.abspath(__file__))
TOKEN = "user-token"


class FakeEdge:
    """Answers like the edge: a job moves pending -> processing -> completed over polls, the contact count catches up
    with the import a little later."""

    def __init__(self, import_route=True, import_outcome="completed", failed_rows=0, export_rows_short=0):
        self.import_route = import_route
        self.import_outcome = import_outcome
        self.failed_rows = failed_rows
        self.export_rows_short = export_rows_short
        self.imported_rows = 0
        self.import_polls = 0
        self.count_polls = 0
        self.export_polls = 0
        self.uploaded_content_type = None
        self.export_body = None
        self.download_token = "absent"


def handler(edge):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body, content_type="application/json"):
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def body(self):
            return self.rfile.read(int(self.headers.get("Content-Length", 0)))

        def authorised(self):
            if self.headers.get("api_access_token") == TOKEN:
                return True
            self.reply(401, {"error": "You need to sign in or sign up before continuing."})
            return False

        def do_GET(self):
            path = urlsplit(self.path).path
            if path == "/nginx-health":
                return self.reply(200, {"status": "UP"})
            if path == "/downloads/export.csv":
                edge.download_token = self.headers.get("api_access_token")
                out = io.StringIO()
                writer = csv.writer(out)
                writer.writerow(["id", "name", "email", "phone_number", "labels", "custom_attributes.plan"])
                for i in range(edge.imported_rows - edge.export_rows_short):
                    writer.writerow([i, "Ada\nLovelace", f"a{i}@x.test", "+10000000000", "vip,beta", "pro"])
                return self.reply(200, out.getvalue(), "text/csv")
            if not self.authorised():
                return None
            if path == "/api/v1/accounts/7/data_imports/11":
                edge.import_polls += 1
                status = ["pending", "processing"][edge.import_polls - 1] if edge.import_polls < 3 \
                    else edge.import_outcome
                rows = edge.imported_rows
                return self.reply(200, {
                    "id": 11, "status": status, "total_records": rows, "processed_records": rows // 2,
                    "created_records": rows - edge.failed_rows, "updated_records": 0, "duplicate_records": 0,
                    "failed_records": edge.failed_rows, "progress": 50,
                    "error": "Malformed CSV at line 3" if status == "failed" else None})
            if path == "/api/v1/accounts/7/contacts":
                edge.count_polls += 1
                count = edge.imported_rows - edge.failed_rows - (1 if edge.count_polls < 3 else 0)
                return self.reply(200, {"meta": {"count": count, "current_page": 1}, "payload": []})
            if path == "/api/v1/accounts/7/data_exports/5":
                edge.export_polls += 1
                done = edge.export_polls >= 3
                job = {"id": 5, "status": "completed" if done else "processing", "total_records": edge.imported_rows,
                       "exported_records": edge.imported_rows if done else 1, "progress": 100 if done else 1}
                if done:
                    job["download_url"] = "/downloads/export.csv?signature=abc"
                return self.reply(200, job)
            return self.reply(404, {"error": "Not found"})

        def do_POST(self):
            path, body = urlsplit(self.path).path, self.body()
            if path.startswith("/platform/"):
                if path == "/platform/api/v1/accounts":
                    return self.reply(200, {"id": 7, "name": json.loads(body)["name"]})
                if path == "/platform/api/v1/users":
                    return self.reply(200, {"id": 3, "access_token": TOKEN})
                if path == "/platform/api/v1/accounts/7/account_users":
                    return self.reply(200, {"account_id": 7, "user_id": 3, "role": "administrator"})
            if not self.authorised():
                return None
            if path == "/api/v1/accounts/7/contacts/import" and edge.import_route:
                message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                    b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
                part = next(p for p in message.iter_parts() if p.get_param("name", header="content-disposition")
                            == "import_file")
                edge.uploaded_content_type = part.get_content_type()
                edge.imported_rows = sum(1 for _ in csv.reader(io.StringIO(part.get_content(), newline=""))) - 1
                return self.reply(200, {"id": 11, "status": "pending"})
            if path == "/api/v1/accounts/7/contacts/export":
                edge.export_body = json.loads(body)
                return self.reply(200, {"id": 5, "status": "pending", "status_url": "/api/v1/accounts/7/data_exports/5"})
            return self.reply(404, {"error": "Not found"})

    return Handler


class BenchScriptsTest(unittest.TestCase):
    def start(self, edge):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler(edge))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        run = tempfile.TemporaryDirectory()
        self.addCleanup(run.cleanup)
        self.run_dir = run.name
        os.makedirs(os.path.join(self.run_dir, "pids"))
        with open(os.path.join(self.run_dir, "pids", "stand-in.pid"), "w") as pid:
            pid.write(f"{os.getpid()}\n")
        with open(os.path.join(self.run_dir, "stack.env"), "w") as env:
            env.write(f"CONTACTS_URL=http://127.0.0.1:{server.server_port}\nCONTACTS_PLATFORM_TOKEN=platform\n")

    def bench(self, script, *args):
        env = {**os.environ, "CONTACTS_RUN_DIR": self.run_dir, "BENCH_TIMEOUT": "120", "BENCH_POLL": "0.05",
               "TMPDIR": self.run_dir}
        return subprocess.run([os.path.join(BENCHMARKS, script), *args], capture_output=True, text=True,
                              cwd=self.run_dir, env=env)

    def test_import_then_export_report_their_figures(self):
        edge = FakeEdge()
        self.start(edge)

        imported = self.bench("import.sh", "250")
        self.assertEqual(imported.returncode, 0, imported.stderr)
        self.assertEqual(edge.imported_rows, 250)
        self.assertEqual(edge.uploaded_content_type, "text/csv")
        self.assertGreaterEqual(edge.count_polls, 3)
        for label in ("upload", "job completed", "fully searchable", "rows/s until searchable"):
            self.assertRegex(imported.stdout, rf"(?m)^{label} +\d+(\.\d)?( s)?$")
        self.assertRegex(imported.stdout, r"(?m)^job counts +total 250, created 250, updated 0, duplicate 0, failed 0$")
        self.assertRegex(imported.stdout, r"(?m)^peak RSS stand-in +\d+ MB$")
        self.assertEqual(os.listdir(os.path.join(self.run_dir, "bench")), [], "the CSV is removed without --keep-file")

        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 0, exported.stderr)
        self.assertEqual(edge.export_body, {"column_names": ["id", "name", "email", "phone_number", "labels",
                                                             "custom_attributes.plan"]})
        self.assertIsNone(edge.download_token, "the signed link is fetched without a token")
        self.assertRegex(exported.stdout, r"(?m)^rows in file +250$")
        self.assertRegex(exported.stdout, r"(?m)^header +id,name,email,phone_number,labels,custom_attributes.plan$")
        self.assertRegex(exported.stdout, r"(?m)^job completed +\d+\.\d s$")
        self.assertRegex(exported.stdout, r"(?m)^peak RSS stand-in +\d+ MB$")

    def test_import_waits_for_all_but_the_failed_rows_and_keeps_the_file_when_asked(self):
        edge = FakeEdge(failed_rows=4)
        self.start(edge)
        imported = self.bench("import.sh", "40", "--keep-file")
        self.assertEqual(imported.returncode, 0, imported.stderr)
        self.assertIn("failed 4", imported.stdout)
        kept = re.search(r"(?m)^file kept +(\S+)$", imported.stdout).group(1)
        self.assertTrue(os.path.isfile(kept))

    def test_a_missing_import_endpoint_is_named(self):
        self.start(FakeEdge(import_route=False))
        imported = self.bench("import.sh", "10")
        self.assertEqual(imported.returncode, 1)
        self.assertRegex(imported.stderr, r"POST \S+/api/v1/accounts/7/contacts/import answered 404 \(does this build "
                                          r"serve the endpoint\?\): \{\"error\": \"Not found\"\}")
        self.assertEqual([name for name in os.listdir(self.run_dir) if name.startswith("tmp.")], [],
                         "the memory samples are removed")
        self.assertEqual(os.listdir(os.path.join(self.run_dir, "bench")), [], "the CSV is removed")

    def test_a_failed_import_job_shows_its_error(self):
        self.start(FakeEdge(import_outcome="failed"))
        imported = self.bench("import.sh", "10")
        self.assertEqual(imported.returncode, 1)
        self.assertIn("the import job failed: Malformed CSV at line 3", imported.stderr)
        self.assertIn("run benchmarks/import.sh first", self.bench("export.sh").stderr,
                      "only an import that completed is remembered for the export")

    def test_export_refuses_a_file_shorter_than_the_job_says(self):
        edge = FakeEdge(export_rows_short=2)
        self.start(edge)
        self.assertEqual(self.bench("import.sh", "30").returncode, 0)
        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("the file has 28 rows, the job says 30 were exported", exported.stderr)

    def test_export_without_an_earlier_import_asks_for_an_account(self):
        self.start(FakeEdge())
        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("run benchmarks/import.sh first, or pass --account A --token T", exported.stderr)

    def test_export_with_a_wrong_token_shows_the_refusal(self):
        self.start(FakeEdge())
        exported = self.bench("export.sh", "--account", "7", "--token", "wrong")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("answered 401: {\"error\": \"You need to sign in", exported.stderr)


if __name__ == "__main__":
    unittest.main()
