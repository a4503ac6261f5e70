"""One site build and one local server for a whole test run, shared by every xdist worker.

The first worker to ask starts ``scripts/build_site.py`` in the background (the other tests run
meanwhile) and, once the site is built, one HTTP server for it.  The others find both through
files in the run's shared folder, guarded by a lock.  The server stops by itself when the
pytest process that started the run is gone.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 1800
SERVER = Path(__file__).with_name("site_server.py")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_owner_pid() -> int:
    """The pytest process that owns the run: the xdist controller for a worker, else ourselves."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


class SharedSite:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.lock = FileLock(str(folder / "lock"))
        self.site_dir = folder / "site"
        self.port_file, self.status_file = folder / "port", folder / "status"
        self.log_file, self.server_file = folder / "build.log", folder / "server"

    def start_build(self) -> int:
        """Start the build if nobody has; return the port the site is built for."""
        with self.lock:
            if self.port_file.exists():
                return int(self.port_file.read_text())
            port = free_port()
            env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
            command = (f'"{sys.executable}" scripts/build_site.py --site-dir "{self.site_dir}" '
                       f'> "{self.log_file}" 2>&1; echo $? > "{self.status_file}.part" '
                       f'&& mv "{self.status_file}.part" "{self.status_file}"')
            subprocess.Popen(["sh", "-c", command], cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
            self.port_file.write_text(str(port))
            return port

    def wait_for_build(self) -> Path:
        self.start_build()
        deadline = time.monotonic() + BUILD_TIMEOUT_S
        while not self.status_file.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the site build did not finish in {BUILD_TIMEOUT_S} s; log: {self.log_file}", pytrace=False)
            time.sleep(0.2)
        if self.status_file.read_text().strip() != "0":
            log = self.log_file.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"the site build failed:\n{log[-6000:]}", pytrace=False)
        return self.site_dir

    def serve(self) -> str:
        port = int(self.port_file.read_text())
        url = f"http://127.0.0.1:{port}/"
        with self.lock:
            if not self.server_file.exists():
                subprocess.Popen([sys.executable, str(SERVER), str(self.site_dir), str(port), str(run_owner_pid())],
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
                self.server_file.write_text(url)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                return url
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the test server for {self.site_dir} did not answer on {url}", pytrace=False)
                time.sleep(0.1)
