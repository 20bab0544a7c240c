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

An export request with a `notifyUrl` gets that URL called (POST, JSON) NOTIFY_DELAY seconds later,
from a background thread: from then on its process reads as completed, whatever the polls so far.
Brevo documents no body for this call, so {"processId": 78, "status": "completed"} is a guess (the
id named as the export's response names it, the status as a process reads). The call is logged as
"stub: notified URL: STATUS". With `--no-notify` the URL is never called ("stub: not notifying URL")
and the process completes by polls alone, as when a notification is lost.

Prints the port it listens on (first line of stdout), then one log line per request.
`--export-file` prints the export's content instead, for comparing with a download.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

FILE_PATH = "/files/contacts_export_78.csv"
EXPORT_ROWS = 12000
STATES = ["queued", "processing", "completed"]
NOTIFY_DELAY = 0.2
# `export` counts the exports started, so a late notification of an earlier one changes nothing.
process = {"polls": 0, "export": 0, "notified": False}
lock = threading.Lock()
settings = {"notify": True}


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
            with lock:
                process.update(polls=0, export=process["export"] + 1, notified=False)
                export = process["export"]
            notify_url = (body or {}).get("notifyUrl")
            if notify_url and settings["notify"]:
                threading.Thread(target=notify, args=(notify_url, export), daemon=True).start()
            elif notify_url:
                print("stub: not notifying %s" % notify_url, flush=True)
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
        with lock:
            state = "completed" if process["notified"] else STATES[min(process["polls"], len(STATES) - 1)]
            process["polls"] += 1
        read = {"id": 78, "name": "SEARCH_EXPORT_USERS_API", "status": state}
        if state == "completed":
            host, port = self.server.server_address[:2]
            read["export_url"] = "http://%s:%d%s" % (host, port, FILE_PATH)
        self.answer(200, read)

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


def notify(url, export):
    """Completes export number `export` after NOTIFY_DELAY, then calls its notify URL once."""
    time.sleep(NOTIFY_DELAY)
    with lock:
        if process["export"] != export:
            return
        # Completed before the call, as a provider would be: a status read the call prompts sees it.
        process["notified"] = True
    body = json.dumps({"processId": 78, "status": "completed"}).encode()  # a guess: Brevo documents no body
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status = "failed (%s)" % error
    print("stub: notified %s: %s" % (url, status), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--export-file"]:
        sys.stdout.buffer.write(export_file())
        sys.exit(0)
    if sys.argv[1:] == ["--no-notify"]:
        settings["notify"] = False
    elif sys.argv[1:]:
        sys.exit("usage: brevo-stub-server.py [--no-notify | --export-file]")
    server = HTTPServer(("127.0.0.1", 0), Brevo)
    print(server.server_address[1], flush=True)
    server.serve_forever()
