"""The latest benchmark results (benchmarks/latest.json) as a table on the "How this site is built" page."""
from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "latest.json"
MARKER = "<!-- bench-results -->"
ROWS = (  # (section, key, format, zh label, en label, target)
    ("figures", "cold_s", "{:.1f} s", "冷启动绘制全部图（含实验）", "cold figure build (with experiments)", ""),
    ("figures", "no_change_s", "{:.2f} s", "无改动时再运行一次", "no-change figure run", ""),
    ("figures", "no_change_over_cold", "{:.1%}", "无改动 / 冷启动", "no-change / cold", "≤ 2%"),
    ("build", "warm_build_s", "{:.1f} s", "热构建（本站的钩子）", "warm build (with our hooks)", ""),
    ("build", "bare_build_s", "{:.1f} s", "热构建（不含钩子的 MkDocs）", "warm build (bare MkDocs)", ""),
    ("build", "overhead_ratio", "{:.2f}×", "两者之比", "ratio", "≤ 1.3×"),
    ("serve", "serve_rebuild_s", "{:.1f} s", "本地预览时改一页，到页面刷新", "serve: edit one page to updated page", ""),
    ("pages", "max_article_kb", "{:.0f} KB", "文章页最大传输量（不含 MathJax）", "largest article page (MathJax aside)", "< 400 KB"),
    ("pages", "max_mathjax_ms", "{:.0f} ms", "页面加载完成后 MathJax 排版的最长用时", "slowest MathJax finish after load", "< 300 ms"),
)
HEADERS = {"zh": ("指标", "中位数", "目标"), "en": ("Measure", "Median", "Target")}


def table_markdown(lang: str, results: dict) -> str:
    head = HEADERS[lang]
    lines = [f"| {' | '.join(head)} |", "|---|---|---|"]
    for section, key, fmt, zh, en, target in ROWS:
        value = results.get(section, {}).get(key)
        if value is not None:
            lines.append(f"| {zh if lang == 'zh' else en} | {fmt.format(value)} | {target} |")
    return "\n".join(lines)


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        raise FileNotFoundError(f"{RESULTS}: no benchmark results; run `make bench`")
    return markdown.replace(MARKER, table_markdown(lang, json.loads(RESULTS.read_text(encoding="utf-8"))))
