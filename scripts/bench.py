#!/usr/bin/env python3
"""Measure the build and the pages; print medians and ratios from this one run.

  figures   cold build of every figure (empty output dir, empty experiment cache), its CPU time,
            and a no-change run; target: no-change <= 2 % of cold
  build     warm `mkdocs build` of the whole site against the same build with the project's
            hooks switched off (ACTSITE_HOOKS=off); target: <= 1.3x
  serve     time from saving one page to the rebuilt page under `mkdocs serve`
  pages     per page in Chromium, median of three cold loads from a server that gzips text as
            GitHub Pages does: bytes transferred (maths included), first paint and the time from
            navigation start until every formula is drawn, and layout shift caused by formulas;
            targets: article pages (posts and catalogue) median <= 200 KB, maths drawn at first
            paint with no typesetting in the browser, maths layout shift 0
  suite     `make test` from this warm checkout (venv, caches and figures present) and from a
            fresh `git clone` of HEAD (set-up included: venv, packages from pip's cache, npm,
            experiments recomputed); targets: <= 6 min and <= 12 min
  playground  the playground page in Chromium: bytes transferred, training steps per second, and
            the time of one frame's work and the frame rate while it trains; targets: <= 250 KB,
            >= 30 frames a second
  cost      every activation function timed again in numpy; prints today's ratios to ReLU
            beside the committed ones in data/cost.json (written only by scripts/measure_cost.py)

Results are also written to benchmarks/latest.json, which the "How this site is built" page shows.
usage: python scripts/bench.py [--repeat N] [--skip-cold] [--skip-suite] [--only SECTION ...]
       (--only measures just those sections and keeps the others' results in benchmarks/latest.json)
       python scripts/bench.py --pages-of SITE_DIR --out FILE   (pages only, of a site already built;
                                                                 benchmarks/before-build-time-maths.json
                                                                 came from the site with client MathJax)
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RESULTS = ROOT / "benchmarks" / "latest.json"
sys.path.insert(0, str(ROOT / "scripts"))

from actsite.tooling.bench_playground import bench_playground  # noqa: E402


def children_cpu_s() -> float:
    """CPU seconds used so far by this process's finished descendants (workers of workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_figures(repeat: int, skip_cold: bool) -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-figures-"))
    cache = ROOT / ".cache" / "experiments"
    cold, cold_cpu = [], []
    for _ in range(0 if skip_cold else 1):
        shutil.rmtree(out, ignore_errors=True)
        saved = cache.with_name("experiments-bench-saved")
        if cache.exists():
            shutil.rmtree(saved, ignore_errors=True)
            cache.rename(saved)
        try:
            cpu_before = children_cpu_s()
            cold.append(timed([PY, "scripts/build_figures.py", "--jobs", "2", "--out", str(out)]))
            cold_cpu.append(children_cpu_s() - cpu_before)
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
        result |= {"cold_s": statistics.median(cold), "cold_cpu_s": statistics.median(cold_cpu),
                   "no_change_over_cold": result["no_change_s"] / statistics.median(cold)}
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


def bench_suite() -> dict:
    """Wall time of the README's test command, warm here and in a fresh clone of HEAD."""
    logs = Path(tempfile.mkdtemp(prefix="bench-suite-"))
    clone = logs / "clone"

    def make_test(where: Path, log: str) -> float:
        start = time.perf_counter()
        with open(logs / log, "w", encoding="utf-8") as out:
            status = subprocess.run(["make", "test"], cwd=where, stdout=out, stderr=subprocess.STDOUT).returncode
        if status:
            raise RuntimeError(f"`make test` failed in {where}; see {logs / log}")
        return time.perf_counter() - start

    warm = make_test(ROOT, "warm.log")
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    fresh = make_test(clone, "fresh.log")
    shutil.rmtree(logs, ignore_errors=True)
    return {"warm_test_s": warm, "fresh_clone_test_s": fresh}


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


def built_site() -> Path:
    """The whole site, built once for the sections that load pages in a browser."""
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    subprocess.run([PY, "scripts/build_site.py", "--site-dir", str(site)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return site


def bench_pages(site: Path, loads: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    from actsite.tooling.browser import launch as launch_browser
    from actsite.tooling.gzip_server import serve

    server, base = serve(site)
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
    return summarise_pages(rows)


def is_article(path: str) -> bool:
    return "/blog/20" in path or "/catalogue/" in path


def summarise_pages(rows: dict) -> dict:
    articles = [v for k, v in rows.items() if is_article(k)]
    with_maths = [v for v in rows.values() if v["formulas"]]
    return {"pages": rows,
            "median_article_kb": statistics.median(v["kb"] for v in articles),
            "max_article_kb": max(v["kb"] for v in articles),
            "median_article_maths_kb": statistics.median(v["kb_maths_scripts"] for v in articles),
            "median_first_paint_ms": statistics.median(v["first_paint_ms"] for v in with_maths),
            "median_maths_visible_ms": statistics.median(v["maths_visible_ms"] for v in with_maths),
            "max_maths_after_text_ms": max(v["maths_after_text_ms"] for v in with_maths),
            "max_maths_after_text_frames": max(v["maths_after_text_frames"] for v in with_maths),
            "max_maths_shift": max(v["maths_shift"] for v in with_maths),
            "pages_running_mathjax": sum(bool(v["mathjax_in_browser"]) for v in rows.values())}


# Runs before the page's own scripts: watches every frame, noting the first one after the whole
# document is parsed (the text is there) and the first in which every formula is drawn (an SVG,
# or MathJax's CHTML, with a non-empty box); adds up layout shifts that move a formula.  Frames
# are counted and stamped with the frame's own time, so "drawn in the same frame as the text"
# reads as exactly 0 frames and 0 ms, not as the microseconds between two clock readings.
MATHS_PROBE = """
    window.__probe = {parsed: null, visible: null, parsedFrame: null, visibleFrame: null, shift: 0};
    new PerformanceObserver(list => list.getEntries().forEach(entry => {
        if (entry.sources.some(s => s.node && s.node.nodeType === 1
                && s.node.closest('mjx-container, .MathJax, .arithmatex'))) window.__probe.shift += entry.value;
    })).observe({type: 'layout-shift', buffered: true});
    let frames = 0;
    (function frame(now) {
        frames += 1;
        const math = [...document.querySelectorAll('.arithmatex')].filter(el => el.checkVisibility());
        const drawn = math.every(el => {
            const out = el.querySelector('mjx-container');
            if (!out) return false;
            const box = out.getBoundingClientRect();
            return box.width > 0 && box.height > 0;
        });
        const parsed = document.readyState !== 'loading';
        const stamp = now === undefined ? performance.now() : now;
        if (parsed && window.__probe.parsed === null) {
            window.__probe.parsed = stamp; window.__probe.parsedFrame = frames;
        }
        if (parsed && drawn) { window.__probe.visible = stamp; window.__probe.visibleFrame = frames; return; }
        requestAnimationFrame(frame);
    })();
"""


def _load(browser, url: str) -> dict:
    """One cold load in a fresh context: bytes over the wire, first paint, maths drawn, shifts."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(MATHS_PROBE)
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")      # everything the page fetches by itself
    page.wait_for_function("() => window.__probe.visible !== null", timeout=30_000)
    page.wait_for_timeout(200)            # let late shifts be reported
    measured = page.evaluate("""() => ({
        formulas: document.querySelectorAll('.arithmatex').length,
        first_paint_ms: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null,
        maths_visible_ms: window.__probe.visible,
        maths_after_text_ms: window.__probe.visible - window.__probe.parsed,
        maths_after_text_frames: window.__probe.visibleFrame - window.__probe.parsedFrame,
        maths_shift: window.__probe.shift,
        mathjax_in_browser: typeof window.MathJax === 'object' && !!window.MathJax.version,
    })""")
    sizes = {r.url: r.sizes()["responseBodySize"] for r in responses}
    context.close()
    maths_scripts = sum(size for u, size in sizes.items() if "/assets/mathjax/" in u)
    return {"kb": sum(sizes.values()) / 1024, "kb_maths_scripts": maths_scripts / 1024, **measured}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="skip the cold figure build")
    parser.add_argument("--skip-suite", action="store_true", help="skip timing the whole test suite")
    parser.add_argument("--only", nargs="+", metavar="SECTION", help="measure only these sections")
    parser.add_argument("--pages-of", type=Path, help="only measure the pages of this built site")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.pages_of:
        results = {"pages": bench_pages(args.pages_of.resolve())}
        _print(results)
        args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return 0
    site: list[Path] = []

    def site_dir() -> Path:                       # built once, for the sections that need pages
        if not site:
            site.append(built_site())
        return site[0]

    sections = {"figures": lambda: bench_figures(args.repeat, args.skip_cold),
                "build": lambda: bench_build(args.repeat), "serve": lambda: bench_serve(args.repeat),
                "pages": lambda: bench_pages(site_dir()),
                "playground": lambda: bench_playground(site_dir()),
                "suite": bench_suite,
                "cost": lambda: __import__("actsite.tooling.cost_drift").tooling.cost_drift.drift()}
    if args.skip_suite:
        del sections["suite"]
    unknown = sorted(set(args.only or ()) - set(sections))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(sections)}")
    results = {}
    if args.only:
        sections = {name: sections[name] for name in args.only}
        results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    for section, measure in sections.items():
        results[section] = measure()
        _print({section: results[section]})
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for path in site:
        shutil.rmtree(path, ignore_errors=True)
    return 0


def _print(results: dict) -> None:
    for section, values in results.items():
        for key, value in values.items():
            if isinstance(value, (int, float)):
                print(f"{section:10s} {key:30s} {value:10.3f}", flush=True)
            elif isinstance(value, dict) and key != "pages" and all(isinstance(v, (int, float)) for v in value.values()):
                for inner, number in value.items():
                    print(f"{section:10s} {key + '.' + inner:30s} {number:10.3f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
