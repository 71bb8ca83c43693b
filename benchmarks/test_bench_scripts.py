"""Tests of export.sh against a stand-in edge that speaks the export API contract (issue 4), so the script's
polling, counting, reporting and failure messages are checked without a stack:
python3 -m unittest discover -s benchmarks -v"""
import csv
import io
import json
import os
import subprocess
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

BENCHMARKS = os.path.dirname(os.path.abspath(__file__))
TOKEN = "user-token"


class FakeEdge:
    """Answers like the edge: an export job moves processing -> completed over polls."""

    def __init__(self, export_rows_short=0):
        self.export_rows_short = export_rows_short
        self.imported_rows = 0
        self.export_polls = 0
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
            if not self.authorised():
                return None
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

    def remember_import(self, edge, rows):
        """What benchmarks/run.sh import leaves for export.sh: the account, its token and the rows."""
        edge.imported_rows = rows
        with open(os.path.join(self.run_dir, "bench-last-import.env"), "w") as env:
            env.write(f"ACCOUNT=7\nTOKEN={TOKEN}\nROWS={rows}\n")

    def test_export_reports_its_figures(self):
        edge = FakeEdge()
        self.start(edge)
        self.remember_import(edge, 250)
        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 0, exported.stderr)
        self.assertEqual(edge.export_body, {"column_names": ["id", "name", "email", "phone_number", "labels",
                                                             "custom_attributes.plan"]})
        self.assertIsNone(edge.download_token, "the signed link is fetched without a token")
        self.assertRegex(exported.stdout, r"(?m)^rows in file +250$")
        self.assertRegex(exported.stdout, r"(?m)^header +id,name,email,phone_number,labels,custom_attributes.plan$")
        self.assertRegex(exported.stdout, r"(?m)^job completed +\d+\.\d s$")
        self.assertRegex(exported.stdout, r"(?m)^peak RSS stand-in +\d+ MB$")

    def test_export_refuses_a_file_shorter_than_the_job_says(self):
        edge = FakeEdge(export_rows_short=2)
        self.start(edge)
        self.remember_import(edge, 30)
        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("the file has 28 rows, the job says 30 were exported", exported.stderr)

    def test_export_without_an_earlier_import_asks_for_an_account(self):
        self.start(FakeEdge())
        exported = self.bench("export.sh")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("run benchmarks/run.sh import first, or pass --account A --token T", exported.stderr)

    def test_export_with_a_wrong_token_shows_the_refusal(self):
        self.start(FakeEdge())
        exported = self.bench("export.sh", "--account", "7", "--token", "wrong")
        self.assertEqual(exported.returncode, 1)
        self.assertIn("answered 401: {\"error\": \"You need to sign in", exported.stderr)


if __name__ == "__main__":
    unittest.main()
