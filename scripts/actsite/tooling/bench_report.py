"""The latest benchmark results (benchmarks/latest.json) as a table on the "How this site is built" page."""
from __future__ import annotations

import json
import re
from pathlib import Path

from actsite.pages.html_table import table, text_cell

RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "latest.json"
# The same measurements of the site as it was when MathJax typeset the maths in the browser.
BEFORE = RESULTS.with_name("before-build-time-maths.json")
MARKER = "<!-- bench-results -->"
ROWS = (  # (section, key, format, zh label, en label, target as shown, target as (comparison, bound) or None)
    ("figures", "cold_s", "{:.1f} s", "从零绘制全部图（实验也重新运行）", "All figures drawn from scratch (experiments rerun)",
     "≤ 60 s", ("<=", 60)),
    ("figures", "cold_cpu_s", "{:.0f} s", "所用 CPU 时间（两个核合计）", "Its CPU time (both cores together)", "", None),
    ("figures", "no_change_s", "{:.2f} s", "无改动时再绘制一次", "The same, run again with nothing changed", "", None),
    ("figures", "no_change_over_cold", "{:.1%}", "两者之比", "Ratio of the two", "≤ 2%", ("<=", 0.02)),
    ("build", "warm_build_s", "{:.1f} s", "构建网站（图已是最新）", "Site build, figures already fresh", "", None),
    ("build", "bare_build_s", "{:.1f} s", "同一构建，关掉本站对 MkDocs 的扩展", "The same build, this site's additions to MkDocs switched off", "", None),
    ("build", "overhead_ratio", "{:.2f}×", "两者之比", "Ratio of the two", "≤ 1.3×", ("<=", 1.3)),
    ("serve", "serve_rebuild_s", "{:.1f} s", "本地预览：从保存一页到服务器返回新页面", "Local preview: from saving a page to the server returning it", "≤ 3 s", ("<=", 3)),
    ("pages", "median_article_kb", "{:.0f} KB", "文章页传输量（含公式，中位数）", "Article page transfer (maths included, median)", "≤ 200 KB", ("<=", 200)),
    ("pages", "median_article_maths_kb", "{:.0f} KB", "其中浏览器下载的 MathJax（中位数）", "Of which MathJax, downloaded by the browser (median)", "", None),
    ("pages", "max_article_kb", "{:.0f} KB", "文章页传输量最大值", "Largest article page transfer", "", None),
    ("pages", "median_first_paint_ms", "{:.0f} ms", "首次绘制（从打开页面算起）", "First paint (from navigation start)", "", None),
    ("pages", "median_maths_visible_ms", "{:.0f} ms", "整页 HTML 读完、公式全部画好（从打开页面算起）", "Page's HTML read, every formula drawn (from navigation start)", "", None),
    # the earlier version recorded this delay only in milliseconds; shown so its "Before" value is not a dash
    ("pages", "max_maths_after_text_ms", "{:.0f} ms", "公式比正文晚显示的毫秒数（各页最大值）", "Maths drawn after the text, in milliseconds (worst page)", "", None),
    ("pages", "max_maths_after_text_frames", "{:d}", "公式比正文晚显示的帧数（各页最大值）", "Maths drawn after the text, in frames (worst page)", "0", ("<=", 0)),
    ("pages", "max_maths_shift", "{:.3f}", "公式引起的累积布局偏移（CLS，各页最大值）", "Layout shift caused by maths (cumulative layout shift, CLS; worst page)", "0", ("<=", 0)),
    ("pages", "pages_running_mathjax", "{:d}", "在浏览器里运行 MathJax 的页面数", "Pages running MathJax in the browser", "0", ("<=", 0)),
    ("playground", "page_kb", "{:.0f} KB", "演练场页面传输量", "Playground page transfer", "≤ 250 KB", ("<=", 250)),
    ("playground", "fps", "{:.0f}", "训练时每秒帧数", "Frames a second while training", "≥ 30", (">=", 30)),
    ("suite", "warm_test_s", "{:.0f} s", "完整测试（环境与缓存已就绪）", "Whole test suite, warm checkout", "≤ 360 s", ("<=", 360)),
    ("suite", "fresh_clone_test_s", "{:.0f} s", "完整测试（全新克隆，含安装）", "Whole test suite, fresh clone (set-up included)", "≤ 720 s", ("<=", 720)),
)
# The formats and targets above write seconds and ratios as "s" and "×"; the Chinese page writes 秒, 毫秒 and 倍 in
# its prose, so its table does too (one style per page); KB stays KB in both.
ZH_UNITS = ((r"(?<=\d) ms$", " 毫秒"), (r"(?<=\d) s$", " 秒"), (r"(?<=\d)×$", " 倍"))
COMPARE = {"<": lambda v, b: v < b, "<=": lambda v, b: v <= b, ">=": lambda v, b: v >= b}
MET = {"zh": ("是", "否"), "en": ("yes", "no")}
HEADERS = {"zh": ("指标", "改动前：公式在浏览器里排版", "现在：构建时排版", "目标", "是否达标"),
           "en": ("Measure", "Before: maths typeset in the browser", "Now: maths typeset at build", "Target", "Met now?")}
CAPTION = {"zh": "基准测试结果", "en": "Benchmark results"}


def met(value: float, target: tuple[str, float] | None, lang: str) -> str:
    """Whether the latest value meets its target ("yes"/"no", "是"/"否"), or "" for a row without one."""
    if target is None:
        return ""
    comparison, bound = target
    return MET[lang][0] if COMPARE[comparison](value, bound) else MET[lang][1]


def units(text: str, lang: str) -> str:
    """A value or target as the page's language writes its unit: "53.8 s" on the English page, "53.8 秒" on the Chinese."""
    if lang == "zh":
        for pattern, unit in ZH_UNITS:
            text = re.sub(pattern, unit, text)
    return text


def table_html(lang: str, results: dict, before: dict | None = None) -> str:
    """One row per measure the latest results hold, with its earlier value where there is one."""
    def shown(source: dict | None, section: str, key: str, fmt: str) -> str:
        value = (source or {}).get(section, {}).get(key)
        return "—" if value is None else units(fmt.format(value), lang)

    rows = [[text_cell(zh if lang == "zh" else en), text_cell(shown(before, section, key, fmt)),
             text_cell(shown(results, section, key, fmt)), text_cell(units(target, lang)),
             text_cell(met(results[section][key], bound, lang))]
            for section, key, fmt, zh, en, target, bound in ROWS if results.get(section, {}).get(key) is not None]
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
