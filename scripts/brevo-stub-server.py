#!/usr/bin/env python3
"""A tiny stand-in for Brevo's export API on 127.0.0.1, for scripts/example-ci.

The API is under /v3, as Brevo's: POST /v3/contacts/export starts process 78 (202 {"processId": 78});
GET /v3/processes/78 answers queued, then processing, then completed with an export_url (each new
export starts the sequence again). Requests without the api-key header get 401, unknown processes 404,
both with Brevo's {"code", "message"} error body.

The export URL points at this server but outside /v3, as a pre-signed link on a file host would:
GET /files/contacts_export_78.csv serves the export (EXPORT_ROWS rows of CSV, the same every time).
A file request carrying an api-key is refused with 400 and logged as "stub: api-key sent to the file
route", since a client must not send its credentials there.

Prints the port it listens on (first line of stdout), then one log line per request.
`--export-file` prints the export's content instead, for comparing with a download.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

FILE_PATH = "/files/contacts_export_78.csv"
EXPORT_ROWS = 12000
STATES = ["queued", "processing", "completed"]
polls = {"count": 0}


def export_file():
    rows = ["EMAIL,FIRSTNAME"] + ["contact%05d@example.com,Name%05d" % (i, i) for i in range(EXPORT_ROWS)]
    return ("\n".join(rows) + "\n").encode()


class Brevo(BaseHTTPRequestHandler):
    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorized(self):
        if self.headers.get("api-key"):
            return True
        self.answer(401, {"code": "unauthorized", "message": "Key not found"})
        return False

    def do_POST(self):
        if not self.authorized():
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            body = None
        action = ((body or {}).get("customContactFilter") or {}).get("actionForContacts")
        if self.path != "/v3/contacts/export":
            self.answer(404, {"code": "not_found", "message": "no such endpoint"})
        elif action is None:
            self.answer(400, {"code": "invalid_parameter", "message": "customContactFilter.actionForContacts is required"})
        else:
            polls["count"] = 0
            self.answer(202, {"processId": 78})

    def do_GET(self):
        if self.path == FILE_PATH:
            self.serve_file()
            return
        if not self.authorized():
            return
        if self.path != "/v3/processes/78":
            self.answer(404, {"code": "document_not_found", "message": "Process does not exist"})
            return
        state = STATES[min(polls["count"], len(STATES) - 1)]
        polls["count"] += 1
        process = {"id": 78, "name": "SEARCH_EXPORT_USERS_API", "status": state}
        if state == "completed":
            host, port = self.server.server_address[:2]
            process["export_url"] = "http://%s:%d%s" % (host, port, FILE_PATH)
        self.answer(200, process)

    def serve_file(self):
        if self.headers.get("api-key"):
            print("stub: api-key sent to the file route", flush=True)
            self.answer(400, {"code": "credentials_not_expected", "message": "the file host takes no api-key"})
            return
        data = export_file()
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        for start in range(0, len(data), 32768):
            self.wfile.write(data[start:start + 32768])

    def log_message(self, format, *args):
        print("stub: " + format % args, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--export-file"]:
        sys.stdout.buffer.write(export_file())
        sys.exit(0)
    server = HTTPServer(("127.0.0.1", 0), Brevo)
    print(server.server_address[1], flush=True)
    server.serve_forever()
