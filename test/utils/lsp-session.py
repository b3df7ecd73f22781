#!/usr/bin/env python3
"""A scripted LSP session with a clangd: initialize, didOpen, wait for
publishDiagnostics, codeAction at each warning, shutdown, exit.

Usage: lsp-session.py [--apply-to OUT | --apply-in-place]
                      [--wait-for CODE [--wait-note TEXT] [--save-after FILE=NEW]]
                      [--change-on-disk FILE=NEW] [--links] [--lf-headers] [--log FILE]
                      SERVER FILE [SERVER-ARGS...]

Prints each message the test asserts, one per line, in a stable form:
  diagnostic L:C-L:C <severity> [<code>] <message>
  link <href>                      (with --links: the diagnostic's codeDescription)
  related [FILE:]L:C <message>     (the trace notes, as relatedInformation;
                                   FILE when not the file opened)
  config FILE L:C <message>        (diagnostics for other files, such as .clangd)
  action <kind> <title>
  edit [FILE ]L:C-L:C <new text>   (the quick fix's edits, JSON-quoted text;
                                   FILE when not the file opened)
and the server's exit code. Positions are 1-based lines and columns.
With --apply-to, the first quick fix offered for each coro-* warning is applied
to the file's text, as a client would, and the result is written to OUT.
With --apply-in-place, those fixes' edits are applied to every file they
change, on disk.
With --wait-for, the client announces work-done progress and takes the
file's diagnostics as the server publishes them again, until one has the
code CODE (any, for `none`) and every progress the server began has ended;
it then prints
  progress <token> begin <title>
  progress <token> end <message>
for each progress, before the diagnostics.
With --wait-note, also until a note (relatedInformation) of the diagnostic
with the code CODE contains TEXT.
With --change-on-disk FILE=NEW, NEW is copied over FILE before the code
actions are asked for, and the server is not told.
With --save-after FILE=NEW, NEW is then copied over FILE, which the client
says it saved, and the diagnostics are taken again until CODE is gone.
With --log FILE, the server's standard error goes to FILE.
With --lf-headers, the client ends its headers with "\n\n", not "\r\n\r\n".
"""
import json
import os
import queue
import shutil
import subprocess
import tempfile
import sys
import threading
import urllib.parse

SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}

# Every wait is for an event (a message, the server's exit); the bound is
# only there so that a hung server fails the test instead of hanging it, and
# is generous for a machine under load.
WAIT = 600


class Server:
    def __init__(self, argv, log=None):
        # The server's log, shown when it does not exit cleanly.
        self.log = open(log, "w+b") if log else tempfile.TemporaryFile()
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.log)
        self.next_id = 1
        self.end_headers = b"\r\n\r\n"
        self.messages = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d%s" % (len(body), self.end_headers) + body)
        self.proc.stdin.flush()

    def read(self):
        """Reads the server's messages into the queue; None at the end."""
        while True:
            length = None
            while True:
                line = self.proc.stdout.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.messages.put(json.loads(self.proc.stdout.read(length)))

    def receive(self):
        try:
            msg = self.messages.get(timeout=WAIT)
        except queue.Empty:
            raise SystemExit("lsp-session: no message from the server within %ds" % WAIT)
        if msg is None:
            raise SystemExit("lsp-session: the server closed its output")
        return msg

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.receive()
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise SystemExit("lsp-session: %s failed: %s" % (method, msg["error"]))
                return msg["result"]
            self.answer(msg)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def answer(self, msg):
        # Requests from the server (progress, configuration) get an empty reply.
        if "method" in msg and "id" in msg:
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})

    def diagnostics_for(self, uri, wait_for=None, gone=False, note=None):
        # Diagnostics for other files (a .clangd config, say) are printed as
        # "config <file> L:C <message>" on the way. With wait_for, until the
        # file's diagnostics have that code (with gone, no longer have it)
        # and all progress has ended.
        progress = {}  # token -> [begin title, end message]
        latest = None
        while True:
            if latest is not None and (wait_for is None or (
                    (wait_for == "none" or
                     any(d.get("code") == wait_for and has_note(d, note)
                         for d in latest) != gone) and
                    progress and all(len(p) == 2 for p in progress.values()))):
                for token, p in sorted(progress.items()):
                    print("progress %s begin %s" % (token, p[0]))
                    print("progress %s end %s" % (token, p[1]))
                return latest
            msg = self.receive()
            if msg.get("method") == "window/workDoneProgress/create":
                progress.setdefault(msg["params"]["token"], [])
            if msg.get("method") == "$/progress":
                value, mine = msg["params"]["value"], progress.setdefault(msg["params"]["token"], [])
                if value["kind"] == "begin":
                    mine.append(value["title"])
                elif value["kind"] == "end":
                    mine.append(value.get("message", ""))
            if msg.get("method") == "textDocument/publishDiagnostics":
                params = msg["params"]
                if params["uri"] == uri:
                    latest = params["diagnostics"]
                    continue
                for d in params["diagnostics"]:
                    print("config %s %s %s" % (os.path.basename(params["uri"]),
                                               pos(d["range"]["start"]), d["message"]))
                continue
            self.answer(msg)


def has_note(d, text):
    return text is None or any(text in r["message"] for r in d.get("relatedInformation", []))


def pos(p):
    return "%d:%d" % (p["line"] + 1, p["character"] + 1)


def span(r):
    return "%s-%s" % (pos(r["start"]), pos(r["end"]))


def offset(lines, p):
    # The test files are ASCII, so UTF-16 code units are characters.
    return sum(len(l) for l in lines[:p["line"]]) + p["character"]


def apply_edits(text, edits):
    lines = text.splitlines(keepends=True)
    spans = sorted(((offset(lines, e["range"]["start"]), offset(lines, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for (start, end, _), (next_start, _, _) in zip(spans[1:], spans):
        if end > next_start:
            raise SystemExit("lsp-session: the quick fixes overlap")
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def print_diagnostics(diagnostics, uri, links):
    diagnostics.sort(key=lambda d: (d["range"]["start"]["line"], d["range"]["start"]["character"]))
    for d in diagnostics:
        print("diagnostic %s %s [%s] %s" % (span(d["range"]), SEVERITY[d["severity"]],
                                            d.get("code", ""), d["message"]))
        if "codeDescription" in d and links:
            print("link %s" % d["codeDescription"]["href"])
        for rel in d.get("relatedInformation", []):
            where = pos(rel["location"]["range"]["start"])
            if rel["location"]["uri"] != uri:
                where = os.path.basename(rel["location"]["uri"]) + ":" + where
            print("related %s %s" % (where, rel["message"]))


def main():
    args = sys.argv[1:]
    opts = {"--apply-to": None, "--wait-for": None, "--save-after": None,
            "--log": None, "--wait-note": None, "--change-on-disk": None}
    links = in_place = lf_headers = False
    while args[0] in opts or args[0] in ("--links", "--apply-in-place", "--lf-headers"):
        if args[0] == "--lf-headers":
            lf_headers, args = True, args[1:]
            continue
        if args[0] == "--links":
            links, args = True, args[1:]
            continue
        if args[0] == "--apply-in-place":
            in_place, args = True, args[1:]
            continue
        opts[args[0]], args = args[1], args[2:]
    apply_to, wait_for = opts["--apply-to"], opts["--wait-for"]
    server_path, path = args[0], os.path.abspath(args[1])
    uri = "file://" + path
    server = Server([server_path] + args[2:], opts["--log"])
    if lf_headers:
        server.end_headers = b"\n\n"
    root = os.path.dirname(path)
    server.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + root,
        "capabilities": {"window": {"workDoneProgress": wait_for is not None},
                         "textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                "valueSet": ["quickfix", "refactor", "source"]}}}}}})
    server.notify("initialized", {})
    with open(path) as f:
        text = f.read()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    diagnostics = server.diagnostics_for(uri, wait_for, note=opts["--wait-note"])
    print_diagnostics(diagnostics, uri, links)
    if opts["--change-on-disk"]:
        changed, new_text = opts["--change-on-disk"].split("=")
        shutil.copyfile(new_text, changed)
    chosen = {}  # uri -> edits
    for d in diagnostics:
        if not str(d.get("code", "")).startswith("coro-"):
            continue
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d], "only": ["quickfix"]}})
        for i, a in enumerate(actions):
            print("action %s %s" % (a.get("kind", ""), a["title"]))
            for target, edits in sorted(a.get("edit", {}).get("changes", {}).items(),
                                        key=lambda c: (c[0] != uri, c[0])):
                where = "" if target == uri else os.path.basename(target) + " "
                for e in edits:
                    print("edit %s%s %s" % (where, span(e["range"]), json.dumps(e["newText"])))
                if i == 0:
                    chosen.setdefault(target, []).extend(edits)
    if apply_to:
        with open(apply_to, "w") as f:
            f.write(apply_edits(text, chosen.get(uri, [])))
    if in_place:
        for target, edits in chosen.items():
            target = urllib.parse.unquote(target[len("file://"):])
            with open(target) as f:
                new = apply_edits(f.read(), edits)
            with open(target, "w") as f:
                f.write(new)
    if opts["--save-after"]:
        # Another file changes on disk and is saved, as from another editor
        # window; the open file's diagnostics are awaited until the code
        # is gone.
        saved, new_text = opts["--save-after"].split("=")
        shutil.copyfile(new_text, saved)
        server.notify("textDocument/didSave", {"textDocument": {
            "uri": "file://" + os.path.abspath(saved)}})
        print("saved %s" % os.path.basename(saved))
        print_diagnostics(server.diagnostics_for(uri, wait_for, gone=True), uri, links)
    server.request("shutdown", None)
    server.notify("exit", None)
    status = server.proc.wait(timeout=WAIT)
    print("exit %d" % status)
    if status != 0:
        server.log.seek(0)
        tail = server.log.read().decode(errors="replace").splitlines()[-40:]
        sys.stderr.write("the server's log ends:\n" + "\n".join(tail) + "\n")


if __name__ == "__main__":
    main()
