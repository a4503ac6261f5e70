#!/usr/bin/env python3
"""Measure the build and the pages; print medians and ratios from this one run.

  figures   cold build of every figure (empty output dir, empty experiment cache) and a
            no-change run; target: no-change <= 2 % of cold
  build     warm `mkdocs build` of the whole site against the same build with the project's
            hooks switched off (ACTSITE_HOOKS=off); target: <= 1.3x
  serve     time from saving one page to the rebuilt page under `mkdocs serve`
  pages     per page in Chromium, median of three loads: bytes transferred (MathJax excluded)
            from a server that gzips text as GitHub Pages does, and the time from the load event
            until MathJax has finished; targets: < 400 KB, < 300 ms
  cost      every activation function timed again in numpy; prints today's ratios to ReLU
            beside the committed ones in data/cost.json (written only by scripts/measure_cost.py)

Results are also written to benchmarks/latest.json, which the "How this site is built" page shows.
usage: python scripts/bench.py [--repeat N] [--skip-cold]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RESULTS = ROOT / "benchmarks" / "latest.json"
sys.path.insert(0, str(ROOT / "scripts"))


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_figures(repeat: int, skip_cold: bool) -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-figures-"))
    cache = ROOT / ".cache" / "experiments"
    cold = []
    for _ in range(0 if skip_cold else 1):
        shutil.rmtree(out, ignore_errors=True)
        saved = cache.with_name("experiments-bench-saved")
        if cache.exists():
            shutil.rmtree(saved, ignore_errors=True)
            cache.rename(saved)
        try:
            cold.append(timed([PY, "scripts/build_figures.py", "--jobs", "2", "--out", str(out)]))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
            if saved.exists():
                saved.rename(cache)
    if not (out / "manifest.json").exists():
        timed([PY, "scripts/build_figures.py", "--jobs", "2", "--out", str(out)])
    no_change = [timed([PY, "scripts/build_figures.py", "--out", str(out)]) for _ in range(max(repeat, 5))]
    shutil.rmtree(out, ignore_errors=True)
    result = {"no_change_s": statistics.median(no_change)}
    if cold:
        result |= {"cold_s": statistics.median(cold), "no_change_over_cold": result["no_change_s"] / statistics.median(cold)}
    return result


def bench_build(repeat: int) -> dict:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    command = [PY, "-m", "mkdocs", "build", "--site-dir", str(site)]
    timed(command)                                             # warm every cache first
    ours = [timed(command) for _ in range(repeat)]
    bare = [timed(command, {"ACTSITE_HOOKS": "off", "ACTSITE_STRICT": "off"}) for _ in range(repeat)]
    shutil.rmtree(site, ignore_errors=True)
    return {"warm_build_s": statistics.median(ours), "bare_build_s": statistics.median(bare),
            "overhead_ratio": statistics.median(ours) / statistics.median(bare)}


def bench_serve(repeat: int) -> dict:
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = ROOT / "docs" / "en" / "content" / "index.md"
    original = page.read_text(encoding="utf-8")
    server = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"})
    url = f"http://127.0.0.1:{port}/en/"
    times = []
    try:
        _wait_for(lambda: b"</html>" in urllib.request.urlopen(url, timeout=2).read(), 180)
        for i in range(repeat):
            marker = f"bench-marker-{i}-{time.time_ns()}"
            start = time.perf_counter()
            page.write_text(original + f"\n<!-- {marker} -->\n", encoding="utf-8")
            _wait_for(lambda: marker.encode() in urllib.request.urlopen(url, timeout=2).read(), 120)
            times.append(time.perf_counter() - start)
    finally:
        page.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return {"serve_rebuild_s": statistics.median(times)}


def _wait_for(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError("timed out")


def gzip_handler(directory: Path):
    """A static file handler that gzips text responses when asked, like GitHub Pages."""
    import gzip
    import http.server

    compressible = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if not (path.suffix in compressible and path.is_file()
                    and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass                       # the browser moved on; nothing to measure

    return Handler


def bench_pages(loads: int = 3) -> dict:
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from actsite.browser import launch as launch_browser

    site = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    subprocess.run([PY, "scripts/build_site.py", "--site-dir", str(site)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), gzip_handler(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = [p.parent.relative_to(site).as_posix() + "/" for lang in ("zh", "en")
             for p in sorted((site / lang).rglob("index.html")) if "assets" not in p.parts]
    rows = {}
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        for path in pages:
            runs = [_load(browser, base + path) for _ in range(loads)]
            rows[path] = {key: statistics.median(run[key] for run in runs) if runs[0][key] is not None else None
                          for key in runs[0]}
        browser.close()
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    articles = {k: v for k, v in rows.items() if "/blog/20" in k}
    return {"pages": rows,
            "max_article_kb": max(v["kb_without_mathjax"] for v in articles.values()),
            "median_article_kb": statistics.median(v["kb_without_mathjax"] for v in articles.values()),
            "max_mathjax_ms": max((v["mathjax_ms_after_load"] or 0) for v in rows.values())}


def _load(browser, url: str) -> dict:
    """One cold load in a fresh context: kilobytes over the wire, and MathJax's finish after load."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    mathjax_ms = page.evaluate("""async () => {
        if (!window.MathJax || !MathJax.startup || !MathJax.startup.promise) return null;
        await MathJax.startup.promise;
        const nav = performance.getEntriesByType('navigation')[0];
        const done = window.__mathjaxDone || performance.now();
        return Math.max(0, done - nav.loadEventEnd);
    }""")
    sizes = {r.url: r.sizes()["responseBodySize"] for r in responses}
    context.close()
    total = sum(sizes.values())
    mathjax = sum(size for u, size in sizes.items() if "/assets/mathjax/" in u)
    return {"kb_without_mathjax": (total - mathjax) / 1024, "kb_mathjax": mathjax / 1024,
            "mathjax_ms_after_load": mathjax_ms}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="skip the cold figure build")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sections = {"figures": lambda: bench_figures(args.repeat, args.skip_cold),
                "build": lambda: bench_build(args.repeat), "serve": lambda: bench_serve(args.repeat),
                "pages": bench_pages, "cost": lambda: __import__("actsite.cost_drift").cost_drift.drift()}
    results = {}
    for section, measure in sections.items():
        results[section] = measure()
        for key, value in results[section].items():
            if key != "pages":
                print(f"{section:8s} {key:24s} {value:10.3f}", flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
