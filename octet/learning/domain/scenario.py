"""What the text versions of the simulators (`wiki.py`, `files.py`, `social.py`,
`device_settings.py`, `browser_pages.py`) read alike in a scenario written by an author."""

import re

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(.*)$", re.DOTALL)


def text(value) -> str:
    """A scenario's value as the simulators write it: nothing for a missing one."""
    return "" if value is None else str(value)


def shown_date(date: str, locale: str) -> str:
    """`DD/MM/YYYY` (and any time after it) in French, as written in English: the files' and
    the social network's rule."""
    found = _DATE.match(date)
    return f"{found[3]}/{found[2]}/{found[1]}{found[4]}" if found and locale == "fr" else date
