"""TeX to SVG with MathJax (npm ``mathjax-full``), in one Node process per build, behind a
content-addressed cache.

:class:`MathsEngine` starts ``scripts/typeset_maths.js`` the first time a formula is missing
from the cache and keeps it running until :meth:`MathsEngine.close` (the hook calls it when the
build ends), feeding it one batch of formulas per page.  Each typeset formula is stored under
``.cache/maths/`` by a hash of its TeX, its display mode and everything that shapes the output
(the MathJax version and the Node script, which holds MathJax's settings), so a warm build starts no Node at all
and an edited formula is the only one typeset again.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from actsite.atomic import write_atomic

ROOT = Path(__file__).resolve().parents[3]
NODE_SCRIPT = ROOT / "scripts" / "typeset_maths.js"
MATHJAX_PACKAGE = ROOT / "node_modules" / "mathjax-full" / "package.json"
CACHE_DIR = ROOT / ".cache" / "maths"


class TexError(ValueError):
    """MathJax refused a formula: ``tex`` is the formula, ``message`` MathJax's reason."""

    def __init__(self, tex: str, display: bool, message: str):
        self.tex, self.display, self.message = tex, display, message
        super().__init__(f"{message} in {self.delimited}")

    @property
    def delimited(self) -> str:
        return f"$${self.tex}$$" if self.display else f"${self.tex}$"


class EngineError(RuntimeError):
    """Node or MathJax could not be started, or answered nonsense."""


@dataclass(frozen=True)
class Typeset:
    svg: str                     # one <mjx-container>, glyphs referenced by <use xlink:href="#id">
    glyphs: dict[str, str]       # glyph id -> SVG path data, for the page's shared <defs>


def engine_fingerprint() -> str:
    """Everything besides the TeX that shapes the output; part of every cache key."""
    if not MATHJAX_PACKAGE.exists():
        raise EngineError(f"{MATHJAX_PACKAGE}: MathJax is not installed; run `npm ci` (make setup does)")
    version = json.loads(MATHJAX_PACKAGE.read_text(encoding="utf-8"))["version"]
    digest = hashlib.sha256(NODE_SCRIPT.read_bytes())
    digest.update(version.encode())
    return digest.hexdigest()


class MathsEngine:
    def __init__(self, cache_dir: Path = CACHE_DIR, node: str = "node"):
        self.cache_dir = cache_dir
        self.node = node
        self.memory: dict[str, Typeset] = {}
        self.glyphs: dict[str, str] = {}    # every glyph of every formula seen: id -> path data
        self.typeset_count = 0           # formulas MathJax typeset (cache misses) since creation
        self._fingerprint: str | None = None
        self._process: subprocess.Popen | None = None
        self._stderr = None

    # -- cache ---------------------------------------------------------------------------
    def key(self, tex: str, display: bool) -> str:
        if self._fingerprint is None:
            self._fingerprint = engine_fingerprint()
        return hashlib.sha256(json.dumps([self._fingerprint, tex, display]).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.json"

    def _load(self, key: str) -> Typeset | None:
        if key in self.memory:
            return self.memory[key]
        try:
            stored = json.loads(self._path(key).read_text(encoding="utf-8"))
            found = Typeset(stored["svg"], stored["glyphs"])
        except (OSError, ValueError, KeyError, TypeError):
            return None                  # missing or damaged: typeset again
        self._remember(key, found)
        return found

    def _remember(self, key: str, found: Typeset) -> None:
        self.memory[key] = found
        self.glyphs.update(found.glyphs)

    def _store(self, key: str, found: Typeset) -> None:
        self._remember(key, found)
        data = json.dumps({"svg": found.svg, "glyphs": found.glyphs}, sort_keys=True)
        write_atomic(self._path(key), data.encode("utf-8"))

    # -- typesetting ---------------------------------------------------------------------
    def typeset(self, formulas: list[tuple[str, bool]]) -> list[Typeset]:
        """Typeset (tex, display) pairs, in order; raise :class:`TexError` on the first bad one."""
        keys = [self.key(tex, display) for tex, display in formulas]
        found = {key: self._load(key) for key in keys}
        missing = list(dict.fromkeys((k, f) for k, f in zip(keys, formulas) if found[k] is None))
        if missing:
            reply = self._ask({"op": "tex", "items": [{"tex": t, "display": d} for _, (t, d) in missing]})
            for (key, (tex, display)), result in zip(missing, reply["results"]):
                if "error" in result:
                    raise TexError(tex, display, result["error"])
                found[key] = Typeset(result["svg"], result["glyphs"])
                self._store(key, found[key])
                self.typeset_count += 1
        return [found[key] for key in keys]

    def cached(self, key: str) -> Typeset | None:
        return self._load(key)

    def stylesheet(self) -> str:
        """MathJax's CSS for SVG output and assistive MathML (cached like a formula)."""
        key = self.key("<stylesheet>", False)
        cached = self._load(key)
        if cached is None:
            cached = Typeset(self._ask({"op": "css"})["css"], {})
            self._store(key, cached)
        return cached.svg

    # -- the Node process ----------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _ask(self, request: dict) -> dict:
        if not self.running:
            self._start()
        process = self._process
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            self._stderr.seek(0)
            stderr = self._stderr.read()
            self.close()
            raise EngineError(f"{NODE_SCRIPT.name} stopped: {stderr.strip() or 'no answer'}")
        reply = json.loads(line)
        if "fatal" in reply:
            raise EngineError(f"{NODE_SCRIPT.name}: {reply['fatal']}")
        return reply

    def _start(self) -> None:
        node = shutil.which(self.node)
        if node is None:
            raise EngineError(f"`{self.node}` not found: build-time maths needs Node.js (see README)")
        self._stderr = tempfile.TemporaryFile("w+", encoding="utf-8")   # a pipe could fill and block Node
        self._process = subprocess.Popen(
            [node, str(NODE_SCRIPT)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._stderr, text=True, encoding="utf-8", bufsize=1)

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        finally:
            process.stdout.close()
            self._stderr.close()
