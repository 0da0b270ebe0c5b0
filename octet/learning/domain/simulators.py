"""A simulator page for one challenge: the simulator's HTML with the scenario injected.

Each simulator (content/simulators/<name>.html) holds exactly one
`<script type="application/json" id="octet-scenario">` element; its content is replaced by the
challenge's scenario for the locale, with `"locale"` added. `</` is escaped so the JSON can never
close the script element.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

SCENARIO = re.compile(
    r'(<script type="application/json" id="octet-scenario">)(.*?)(</script>)', re.DOTALL
)


@functools.lru_cache(maxsize=32)
def _template(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8")


def inject_scenario(html: str, scenario: dict, locale: str) -> str:
    data = {**scenario, "locale": locale}
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return SCENARIO.sub(lambda m: m.group(1) + payload + m.group(3), html, count=1)


def _plain(value):
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def simulator_page(release, challenge, locale: str) -> str:
    path = Path(release.content_dir) / "simulators" / f"{challenge.embed.simulator}.html"
    html = _template(str(path), path.stat().st_mtime)
    scenario = _plain(challenge.embed.scenario.get(locale) or {})
    return inject_scenario(html, scenario, locale)
