"""Run axe-core on a published page in headless Chromium and return its WCAG violations.

No browser driver is needed: a copy of the page beside it loads axe-core, runs it for WCAG 2.0–2.2
A and AA, and writes the violations into the page, which ``chromium --dump-dom`` prints.
``SST_AXE_JS`` names axe.min.js (``.ci/run`` installs axe-core from npm); without it, or without
Chromium, the tests that need them skip.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=15000",
    "--dump-dom",
]
_RESULT = re.compile(r'<pre id="axe-result">(.*?)</pre>', re.S)


def axe_script() -> Path | None:
    value = os.environ.get("SST_AXE_JS", "")
    return Path(value) if value and Path(value).is_file() else None


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def violations(page: Path, *, dark: bool = False) -> list[dict[str, object]]:
    """axe-core's violations of ``page`` (id, impact, the elements), light or dark colour scheme."""
    script, browser = axe_script(), chromium()
    assert script is not None and browser is not None
    runner = (
        f'<script src="{script.resolve().as_uri()}"></script>\n<script>\n'
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(TAGS)}}}}}).then(function (r) {{\n"
        "  var out = document.createElement('pre'); out.id = 'axe-result';\n"
        "  out.textContent = JSON.stringify(r.violations.map(function (v) {\n"
        "    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};\n"
        "  }));\n  document.body.appendChild(out);\n});\n</script>\n"
    )
    copy = page.with_name(f".axe-{page.name}")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", runner + "</body>"), encoding="utf-8")
    flags = [*CHROMIUM_FLAGS, *(["--blink-settings=preferredColorScheme=0"] if dark else [])]
    try:
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run(
                [browser, *flags, f"--user-data-dir={profile}", copy.as_uri()],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
    finally:
        copy.unlink()
    found = _RESULT.search(done.stdout)
    assert found, f"axe-core did not run on {page.name}: {done.stderr[-2000:]}"
    result: list[dict[str, object]] = json.loads(html.unescape(found.group(1)))
    return result
