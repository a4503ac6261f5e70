"""The latest benchmark results (benchmarks/latest.json) as a table on the "How this site is built" page."""
from __future__ import annotations

import json
from pathlib import Path

from actsite.pages.html_table import table, text_cell

RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "latest.json"
# The same measurements of the site as it was when MathJax typeset the maths in the browser.
BEFORE = RESULTS.with_name("before-build-time-maths.json")
MARKER = "<!-- bench-results -->"
ROWS = (  # (section, key, format, zh label, en label, target)
    ("figures", "cold_s", "{:.1f} s", "冷启动绘制全部图（含实验）", "cold figure build (with experiments)", "< 60 s"),
    ("figures", "no_change_s", "{:.2f} s", "无改动时再运行一次", "no-change figure run", ""),
    ("figures", "no_change_over_cold", "{:.1%}", "无改动 / 冷启动", "no-change / cold", "≤ 2%"),
    ("build", "warm_build_s", "{:.1f} s", "热构建（本站的钩子）", "warm build (with our hooks)", ""),
    ("build", "bare_build_s", "{:.1f} s", "热构建（不含钩子的 MkDocs）", "warm build (bare MkDocs)", ""),
    ("build", "overhead_ratio", "{:.2f}×", "两者之比", "ratio", "≤ 1.3×"),
    ("serve", "serve_rebuild_s", "{:.1f} s", "本地预览时改一页，到页面刷新", "serve: edit one page to updated page", "≤ 3 s"),
    ("pages", "median_article_kb", "{:.0f} KB", "文章页传输量（含公式）", "article page transfer (maths included)", "≤ 200 KB"),
    ("pages", "max_article_kb", "{:.0f} KB", "文章页传输量最大值", "largest article page transfer", ""),
    ("pages", "median_article_maths_kb", "{:.0f} KB", "其中浏览器下载的 MathJax", "of which MathJax downloaded by the browser", ""),
    ("pages", "median_first_paint_ms", "{:.0f} ms", "首次绘制（从开始导航算起）", "first paint (from navigation start)", ""),
    ("pages", "median_maths_visible_ms", "{:.0f} ms", "全部公式显示出来（从开始导航算起）", "all maths visible (from navigation start)", ""),
    ("pages", "max_maths_after_text_frames", "{:d}", "公式晚于正文显示的最多帧数", "most frames maths appeared after the text", "0"),
    ("pages", "max_maths_shift", "{:.3f}", "公式引起的布局偏移（CLS）", "layout shift caused by maths (CLS)", "0"),
    ("pages", "pages_running_mathjax", "{:d}", "在浏览器里运行 MathJax 的页面数", "pages running MathJax in the browser", "0"),
    ("playground", "page_kb", "{:.0f} KB", "演练场页面传输量", "playground page transfer", "≤ 250 KB"),
    ("playground", "fps", "{:.0f}", "训练时每秒帧数", "frames a second while training", "≥ 30"),
    ("suite", "warm_test_s", "{:.0f} s", "完整测试（环境与缓存已就绪）", "whole test suite, warm checkout", "≤ 360 s"),
    ("suite", "fresh_clone_test_s", "{:.0f} s", "完整测试（全新克隆，含安装）", "whole test suite, fresh clone (set-up included)", "≤ 720 s"),
)
HEADERS = {"zh": ("指标", "改前：浏览器排版公式", "现在：构建时排版", "目标"),
           "en": ("Measure", "Before: maths typeset in the browser", "Now: maths typeset at build", "Target")}
CAPTION = {"zh": "基准测试结果", "en": "Benchmark results"}


def table_html(lang: str, results: dict, before: dict | None = None) -> str:
    """One row per measure the latest results hold, with its earlier value where there is one."""
    def shown(source: dict | None, section: str, key: str, fmt: str) -> str:
        value = (source or {}).get(section, {}).get(key)
        return "—" if value is None else fmt.format(value)

    rows = [[text_cell(zh if lang == "zh" else en), text_cell(shown(before, section, key, fmt)),
             text_cell(shown(results, section, key, fmt)), text_cell(target)]
            for section, key, fmt, zh, en, target in ROWS if results.get(section, {}).get(key) is not None]
    return table(CAPTION[lang], list(HEADERS[lang]), rows)


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        raise FileNotFoundError(f"{RESULTS}: no benchmark results; run `make bench`")
    before = _read(BEFORE) if BEFORE.exists() else None
    return markdown.replace(MARKER, table_html(lang, _read(RESULTS), before))
