"""The playground's benchmark: page weight, training speed and frame time in Chromium.

``bench_playground(site_dir)`` serves an already built site (gzipping text as GitHub Pages
does), opens the English playground and returns a dict:

* ``page_bytes``: bytes transferred for a cold load of the page, scripts, styles and data
  included (``page_files`` lists them by size); ``page_bytes_without_search`` leaves out the
  search index and its worker, which every page of the site loads; ``playground_bytes`` counts
  only what the playground adds (its page, scripts, styles, data and uPlot);
* ``steps_per_second``: training steps per second of the page's own code, without drawing,
  at the default configuration and at the largest network (10 hidden layers of 32);
* ``frame_ms`` / ``fps``: while the page plays at its default configuration, the median and
  95th-percentile time of one frame's work (training steps and every chart), and the frame
  rate the browser actually achieved;
* ``steps_per_second_playing``: steps per second while playing (speed × frame rate).
"""
from __future__ import annotations

import statistics
from pathlib import Path

SPEED = """async ([query, steps]) => {
  const { parse, build } = await import(new URL('../assets/javascripts/playground/state.js', location.href).href);
  const { trainStep } = await import(new URL('../assets/javascripts/playground/network.js', location.href).href);
  const run = build(parse(query));
  for (let i = 0; i < 20; i++) trainStep(run.net, run.optimiser, run.data.train, run.nextBatch);   // warm up
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) trainStep(run.net, run.optimiser, run.data.train, run.nextBatch);
  return steps / ((performance.now() - t0) / 1000);
}"""

PLAY = """async (seconds) => {
  const stamps = [];
  let on = true;
  const tick = (t) => { stamps.push(t); if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const step0 = window.playground.step;
  window.playground.play();
  const t0 = performance.now();
  await new Promise((done) => setTimeout(done, seconds * 1000));
  window.playground.pause();
  on = false;
  const elapsed = (performance.now() - t0) / 1000;
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { steps: window.playground.step - step0, elapsed, frames: window.playground.frameTimes, gaps };
}"""


def bench_playground(site_dir: Path, seconds: float = 5.0, lang: str = "en") -> dict:
    from playwright.sync_api import sync_playwright

    from actsite.tooling.browser import launch
    from actsite.tooling.gzip_server import serve

    server, base = serve(Path(site_dir))
    url = f"{base}{lang}/playground/"
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            sizes: dict[str, int] = {}

            def count(response):
                try:
                    sizes[response.url] = int(response.headers.get("content-length") or len(response.body()))
                except Exception:          # a response without a body (redirect)
                    sizes.setdefault(response.url, 0)
            page.on("response", count)
            page.goto(url, wait_until="networkidle")
            page.wait_for_selector(".activation-playground[data-ready=true]", timeout=30_000)
            page.wait_for_load_state("networkidle")
            page_bytes = sum(sizes.values())
            default_speed = page.evaluate(SPEED, ["?", 2000])
            largest_speed = page.evaluate(SPEED, ["?layers=10&width=32", 100])
            played = page.evaluate(PLAY, seconds)
            speed_setting = page.evaluate("window.playground.state.speed")
            browser.close()
    finally:
        server.shutdown()
    own = ("/playground", "/vendor/uplot/", "playground-data.json", "playground.css")
    search = sum(n for u, n in sizes.items() if "search_index" in u or "/workers/search" in u)
    frames = sorted(played["frames"]) or [float("nan")]
    gaps = played["gaps"] or [float("nan")]
    return {
        "page": f"{lang}/playground/",
        "page_bytes": page_bytes,
        "page_kb": page_bytes / 1024,
        "page_bytes_without_search": page_bytes - search,       # the search index loads on every page
        "playground_bytes": sum(n for u, n in sizes.items() if any(k in u for k in own)),
        "page_files": dict(sorted(((u.split(url.split('/' + lang)[0])[-1], n) for u, n in sizes.items()),
                                  key=lambda kv: -kv[1])),
        "steps_per_second": {"default": round(default_speed), "10x32": round(largest_speed, 1)},
        "speed_setting": speed_setting,
        "steps_per_second_playing": round(played["steps"] / played["elapsed"], 1),
        "frame_ms": {"median": round(statistics.median(frames), 2),
                     "p95": round(frames[min(len(frames) - 1, int(0.95 * len(frames)))], 2)},
        "fps": round(1000 / statistics.median(gaps), 1),
    }


if __name__ == "__main__":          # python -m actsite.tooling.bench_playground SITE_DIR
    import json
    import sys
    print(json.dumps(bench_playground(Path(sys.argv[1])), indent=2))
