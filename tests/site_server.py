"""Serve a built site on 127.0.0.1 until the test run that started it is gone.

usage: python tests/site_server.py SITE_DIR PORT OWNER_PID
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def main(site_dir: str, port: str, owner: str) -> None:
    handler = functools.partial(QuietHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while alive(int(owner)):
        time.sleep(0.5)
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
