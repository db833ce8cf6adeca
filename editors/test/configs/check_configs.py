#!/usr/bin/env python3
"""Checks the editor configs that no editor on this machine can load.

Helix, Zed and Sublime Text cannot be installed here, so for
editors/configs/helix-languages.toml, zed-settings.json and
LSP.sublime-settings this script checks what it can without them:

1. each file parses (tomllib, json) and has the shape the editor reads: the
   server's command, its arguments, and an entry for every language;
2. the settings each file gives the server are the ones the server gets from
   the editor: it starts the real binary (argv[1]), sends them as
   initializationOptions (and, where the editor sends them there too, as
   workspace/didChangeConfiguration), opens the Go fixture (argv[2]) and asks
   for a hover on 207: the server must not warn about the settings, and the
   hover must be the full page the settings ask for;
3. editors/README.md shows every file in editors/configs as it is.

Usage: check_configs.py HTTPCODES_BINARY FIXTURE.go   (exit 0: all passed)
"""

import json
import os
import re
import select
import subprocess
import sys
import time
import tomllib

CONFIGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "configs")
TIMEOUT = 10.0

# The settings every config here gives the server.
SETTINGS = {
    "hover": "full",
    "inlayHints": {"titles": True, "numbers": True},
    "completion": {"insert": "constant"},
    "rules": {"prefer-constant": "hint"},
    "docsUrl": "https://httpcodes.dev",
}

failures = 0


def check(ok, what, detail=""):
    global failures
    if ok:
        print(f"ok   configs: {what}")
    else:
        failures += 1
        print(f"FAIL configs: {what}" + (f"\n     {detail}" if detail else ""))
    return ok


def helix():
    path = os.path.join(CONFIGS, "helix-languages.toml")
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    server = doc.get("language-server", {}).get("httpcodes", {})
    check(server.get("command") == "httpcodes" and server.get("args") == ["serve"],
          "helix: language-server.httpcodes runs `httpcodes serve`", repr(server))
    check(server.get("config") == SETTINGS, "helix: its config is the server's settings",
          repr(server.get("config")))
    langs = {l.get("name"): l.get("language-servers", []) for l in doc.get("language", [])}
    want = ["go", "javascript", "jsx", "typescript", "tsx", "python", "java", "kotlin",
            "c-sharp", "rust", "ruby", "php", "yaml", "json", "nginx"]
    missing = [n for n in want if "httpcodes" not in langs.get(n, [])]
    check(not missing, "helix: httpcodes is in the language-servers of " + ", ".join(want),
          f"missing in {missing}")
    return {"initializationOptions": server.get("config")}


def zed():
    path = os.path.join(CONFIGS, "zed-settings.json")
    with open(path) as f:
        doc = json.load(f)
    server = doc.get("lsp", {}).get("httpcodes", {})
    binary = server.get("binary", {})
    check(binary.get("path") == "httpcodes" and binary.get("arguments") == ["serve"],
          "zed: lsp.httpcodes.binary runs `httpcodes serve`", repr(binary))
    check(server.get("initialization_options") == SETTINGS and server.get("settings") == SETTINGS,
          "zed: initialization_options and settings are the server's settings")
    langs = doc.get("languages", {})
    want = ["Go", "JavaScript", "TypeScript", "TSX", "Python", "Java", "Kotlin", "CSharp",
            "Rust", "Ruby", "PHP", "YAML", "JSON", "Nginx"]
    missing = [n for n in want if "httpcodes" not in langs.get(n, {}).get("language_servers", [])]
    check(not missing, "zed: httpcodes is in language_servers of " + ", ".join(want),
          f"missing in {missing}")
    bad = [n for n, v in langs.items() if v.get("language_servers", [])[:1] != ["..."]]
    check(not bad, 'zed: each list keeps the language\'s own servers first ("...")', repr(bad))
    return {"initializationOptions": server.get("initialization_options"),
            "didChangeConfiguration": server.get("settings")}


def sublime():
    path = os.path.join(CONFIGS, "LSP.sublime-settings")
    with open(path) as f:
        doc = json.load(f)
    client = doc.get("clients", {}).get("httpcodes", {})
    check(client.get("enabled") is True and client.get("command") == ["httpcodes", "serve"],
          "sublime: clients.httpcodes is enabled and runs `httpcodes serve`", repr(client.get("command")))
    check(client.get("initializationOptions") == SETTINGS and client.get("settings") == SETTINGS,
          "sublime: initializationOptions and settings are the server's settings")
    selectors = [s.strip() for s in client.get("selector", "").split("|")]
    want = ["source.go", "source.js", "source.ts", "source.tsx", "source.python", "source.java",
            "source.kotlin", "source.cs", "source.rust", "source.ruby", "source.php",
            "embedding.php", "source.yaml", "source.json", "source.nginx"]
    missing = [s for s in want if s not in selectors]
    check(not missing, "sublime: the selector covers " + ", ".join(want), f"missing {missing}")
    return {"initializationOptions": client.get("initializationOptions"),
            "didChangeConfiguration": client.get("settings")}


class Server:
    """A minimal LSP client over the server's stdin and stdout."""

    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.next_id = 0
        self.notifications = []

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            msg = self.read(deadline)
            if msg is None:
                raise TimeoutError(f"no answer to {method} within {TIMEOUT} s")
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result")
            if "method" in msg and "id" in msg:  # a request from the server
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            elif "method" in msg:
                self.notifications.append(msg)

    def read(self, deadline):
        while True:
            head, sep, rest = self.buf.partition(b"\r\n\r\n")
            if sep:
                length = int([l for l in head.split(b"\r\n")
                              if l.lower().startswith(b"content-length:")][0].split(b":")[1])
                if len(rest) >= length:
                    self.buf = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=TIMEOUT)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def serve_with(binary, fixture, editor, sent):
    """Start the server as EDITOR would, with the settings it SENT; hover 207."""
    server = Server(binary)
    try:
        uri = "file://" + os.path.abspath(fixture)
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + os.path.dirname(os.path.abspath(fixture)),
            "capabilities": {}, "initializationOptions": sent["initializationOptions"]})
        server.notify("initialized", {})
        if "didChangeConfiguration" in sent:
            server.notify("workspace/didChangeConfiguration", {"settings": sent["didChangeConfiguration"]})
        with open(fixture) as f:
            text = f.read()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "go", "version": 1, "text": text}})
        # Line 10 (0-based 9) is "\tw.WriteHeader(207)": 207 starts at character 15.
        hover = server.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": 9, "character": 16}})
        value = (hover or {}).get("contents", {}).get("value", "")
        warnings = [n["params"]["message"] for n in server.notifications
                    if n["method"] == "window/showMessage"]
        check(not warnings, f"{editor}: the server accepts the settings without a warning", repr(warnings))
        # The page's title line, not a mention: 208's page names 207 too.
        check(re.match(r"[# ]*207 Multi-Status\n", value) is not None and "When to Use" in value,
              f"{editor}: with them, the hover on 207 is the full page", repr(value[:200]))
    except Exception as e:  # a timeout or a protocol error fails the editor's check
        check(False, f"{editor}: the server answers with these settings", repr(e))
    finally:
        server.close()


def readme():
    """editors/README.md shows every config file exactly as it is."""
    with open(os.path.join(CONFIGS, "..", "README.md")) as f:
        text = f.read()
    for name in sorted(os.listdir(CONFIGS)):
        with open(os.path.join(CONFIGS, name)) as f:
            content = f.read().rstrip("\n")
        check(f"\n{content}\n```" in text, f"editors/README.md shows configs/{name} as it is",
              "the README's copy differs from the file: update the README")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, fixture = sys.argv[1], sys.argv[2]
    readme()
    for editor, read in (("helix", helix), ("zed", zed), ("sublime", sublime)):
        try:
            sent = read()
        except Exception as e:  # a parse error is the config's failure
            check(False, f"{editor}: the config parses", repr(e))
            continue
        serve_with(binary, fixture, editor, sent)
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
