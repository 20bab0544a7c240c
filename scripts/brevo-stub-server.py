#!/usr/bin/env python3
"""A tiny stand-in for Brevo's export API on 127.0.0.1, for scripts/example-ci.

POST /contacts/export starts process 78 (202 {"processId": 78}); GET /processes/78 answers
queued, then processing, then completed with an export_url. Requests without the api-key header
get 401, unknown processes 404 — both with Brevo's {"code", "message"} error body.
Prints the port it listens on (first line of stdout), then one log line per request.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

EXPORT_URL = "https://exports.example.com/contacts_export_78.csv"
STATES = ["queued", "processing", "completed"]
polls = {"count": 0}


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
        if self.path != "/contacts/export":
            self.answer(404, {"code": "not_found", "message": "no such endpoint"})
        elif action is None:
            self.answer(400, {"code": "invalid_parameter", "message": "customContactFilter.actionForContacts is required"})
        else:
            self.answer(202, {"processId": 78})

    def do_GET(self):
        if not self.authorized():
            return
        if self.path != "/processes/78":
            self.answer(404, {"code": "document_not_found", "message": "Process does not exist"})
            return
        state = STATES[min(polls["count"], len(STATES) - 1)]
        polls["count"] += 1
        process = {"id": 78, "name": "SEARCH_EXPORT_USERS_API", "status": state}
        if state == "completed":
            process["export_url"] = EXPORT_URL
        self.answer(200, process)

    def log_message(self, format, *args):
        print("stub: " + format % args, flush=True)


if __name__ == "__main__":
    server = HTTPServer(("127.0.0.1", 0), Brevo)
    print(server.server_address[1], flush=True)
    server.serve_forever()
