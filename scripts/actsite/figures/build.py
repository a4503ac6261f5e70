"""Build figures that are stale, and only those.

Freshness is a content hash of everything that shapes a figure: the source of its plotter
module and of every ``actsite`` module it imports (found by reading imports, not by
importing), the renderer, the figure's spec and the numpy/matplotlib versions.  The hash and
the SHA-256 of each written file are kept in ``figures/manifest.json``.  Files are written
atomically and only when their bytes change; a plotter that raises leaves its old files alone.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from actsite.atomic import write_atomic
from actsite.figures.registry import FigureSpec
from actsite.sources import content_hash

MANIFEST = "manifest.json"
RENDERER = "actsite.figures.render"


class FigureError(RuntimeError):
    """A plotter raised; the message names the figure."""

    def __init__(self, name: str, error: BaseException | str):
        message = error if isinstance(error, str) else f"figure '{name}' failed: {type(error).__name__}: {error}"
        super().__init__(message)
        self.name = name

    def __reduce__(self):
        """Picklable with its message, so a worker process can report it (else: BrokenProcessPool)."""
        return type(self), (self.name, str(self))


def input_hash(spec: FigureSpec) -> str:
    return content_hash(spec.module, RENDERER, extra=spec.identity())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_figure(spec: FigureSpec) -> dict[str, bytes]:
    """All variants of one figure as {filename: bytes}; raises FigureError naming the figure."""
    from actsite.figures.render import render_svg  # matplotlib only when something is drawn

    try:
        plot = spec.plot()
        return {filename: render_svg(plot, theme, spec.size, layout)
                for theme, layout, filename in spec.variants()}
    except Exception as error:  # noqa: BLE001 - any plotter error stops this figure
        raise FigureError(spec.name, error) from error


def _timed_render(spec: FigureSpec) -> tuple[dict[str, bytes], float]:
    start = time.perf_counter()
    files = render_figure(spec)
    return files, time.perf_counter() - start


@dataclass
class Outcome:
    name: str
    status: str          # "drawn", "up to date", "stale", "failed"
    seconds: float = 0.0
    error: str = ""


class FigureStore:
    """The ``figures/`` directory and its manifest."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.manifest_path = self.directory / MANIFEST

    def manifest(self) -> dict:
        if not self.manifest_path.exists():
            return {}
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{self.manifest_path}: not valid JSON ({error}); delete it to redraw") from None

    def is_fresh(self, spec: FigureSpec, manifest: dict, inputs: str) -> bool:
        entry = manifest.get(spec.name)
        if not entry or entry.get("inputs") != inputs:
            return False
        for filename in spec.filenames():
            path = self.directory / filename
            if not path.exists() or _sha256(path.read_bytes()) != entry["files"].get(filename):
                return False
        return True

    def save(self, spec: FigureSpec, inputs: str, files: dict[str, bytes], manifest: dict) -> None:
        for filename, data in files.items():
            write_atomic(self.directory / filename, data)
        manifest[spec.name] = {"inputs": inputs,
                               "files": {f: _sha256(d) for f, d in sorted(files.items())}}
        self.write_manifest(manifest)

    def write_manifest(self, manifest: dict) -> None:
        text = json.dumps(dict(sorted(manifest.items())), indent=2, sort_keys=True) + "\n"
        write_atomic(self.manifest_path, text.encode())

    @contextlib.contextmanager
    def locked(self):
        """One build at a time (both language projects run the hook concurrently)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        lock_path = Path(tempfile.gettempdir()) / f"actsite-figures-{_sha256(str(self.directory.resolve()).encode())[:12]}.lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def build(store: FigureStore, specs: list[FigureSpec], *, check: bool = False,
          jobs: int = 1, report=print) -> list[Outcome]:
    """Draw the stale figures among ``specs`` (or, with ``check``, only list them)."""
    with store.locked():
        manifest = store.manifest()
        inputs = {spec.name: input_hash(spec) for spec in specs}
        stale = [s for s in specs if not store.is_fresh(s, manifest, inputs[s.name])]
        outcomes = {s.name: Outcome(s.name, "up to date") for s in specs}
        if check:
            for spec in stale:
                outcomes[spec.name].status = "stale"
        elif stale:
            _draw(store, stale, inputs, manifest, outcomes, jobs)
        for outcome in outcomes.values():
            timing = f"{outcome.seconds:6.2f} s" if outcome.status == "drawn" else ""
            report(f"{outcome.name:<24} {outcome.status:<11} {timing}{outcome.error}".rstrip())
    return list(outcomes.values())


def stale(store: FigureStore, specs: list[FigureSpec]) -> list[str]:
    """Names of the figures among ``specs`` that need drawing; draws nothing."""
    return [o.name for o in build(store, specs, check=True, report=lambda line: None) if o.status == "stale"]


def _draw(store, stale, inputs, manifest, outcomes, jobs) -> None:
    if jobs > 1 and len(stale) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(stale)),
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {spec.name: pool.submit(_timed_render, spec) for spec in stale}
            results = {name: _result(future) for name, future in futures.items()}
    else:
        results = {spec.name: _result_now(spec) for spec in stale}
    for spec in stale:
        result = results[spec.name]
        if isinstance(result, FigureError):
            outcomes[spec.name].status, outcomes[spec.name].error = "failed", f"  {result}"
            continue
        files, seconds = result
        store.save(spec, inputs[spec.name], files, manifest)
        outcomes[spec.name].status, outcomes[spec.name].seconds = "drawn", seconds


def _result(future):
    try:
        return future.result()
    except FigureError as error:
        return error


def _result_now(spec):
    try:
        return _timed_render(spec)
    except FigureError as error:
        return error
