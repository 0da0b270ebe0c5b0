"""The settings simulator's device as plain data, for a page that shows it as text (no script).

The same scenario as `content/simulators/settings.html`, read by the same rules: the sections
in the simulator's order, each with the summary its menu shows, then what its panel shows as it
opens (switches on or off, networks, devices, apps and their permissions, updates, storage used
and free, battery use, screen time, the lock method, accounts, backup); numbers as the simulator
writes them (`61,6 Go` in French), durations `4 h 00 min`. The words are the simulator's own
(`T[locale]`). Keep the two in step: a change to one is a change to the other and to
`tests/learning/test_settings_text.py`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from octet.learning.domain.scenario import text as _text

ORDER = (
    "wifi", "bluetooth", "location", "apps", "updates", "storage", "battery", "screen_time",
    "lock", "accounts", "backup",
)  # fmt: skip
PERMISSIONS = ("camera", "microphone", "location", "contacts")

# The simulator's `T[locale]` words that its panels show.
WORDS = {
    "fr": {
        "phone": "Paramètres du téléphone", "computer": "Paramètres de l\u2019ordinateur",
        "on": "Activé", "off": "Désactivé", "airplane": "Mode avion", "wifi": "Wi-Fi",
        "bluetooth": "Bluetooth", "location": "Localisation",
        "apps": "Applications et autorisations", "updates": "Mises à jour",
        "storage": "Stockage", "battery": "Batterie", "screen_time": "Temps d\u2019écran",
        "lock": "Verrouillage de l\u2019écran", "accounts": "Comptes", "backup": "Sauvegarde",
        "connected": "Connecté", "secured": "sécurisé", "open": "ouvert (non sécurisé)",
        "signal": "signal {n}/3", "networks": "Réseaux disponibles",
        "notConnected": "Non connecté", "devices": "Appareils", "paired": "Associé",
        "camera": "Appareil photo", "microphone": "Micro", "contacts": "Contacts",
        "perm_location": "Position", "allow": "Autoriser", "ask": "Demander à chaque fois",
        "deny": "Refuser", "permsOf": "Autorisations de {a}", "permCount1": "{n} autorisation",
        "permCount": "{n} autorisations", "auto": "Mises à jour automatiques",
        "system": "Système", "current": "Version installée : {v}",
        "available": "Version {v} disponible ({s})", "upToDate": "À jour",
        "appUpd": "Mises à jour des applications", "used": "{u} Go utilisés sur {t} Go",
        "free": "Libre", "level": "Niveau de charge : {n} %",
        "saver": "Économiseur de batterie", "usage": "Utilisation depuis la dernière charge",
        "today": "Aujourd\u2019hui", "limitOf": "limite {m}", "noLimit": "sans limite",
        "method": "Méthode de verrouillage", "none": "Aucun", "pattern": "Schéma",
        "pin": "Code PIN", "password_m": "Mot de passe", "syncOf": "Synchroniser {s}",
        "backupOn": "Sauvegarde automatique", "last": "Dernière sauvegarde : {d}",
        "target": "Destination : {t}", "never": "jamais", "min": "{m} min",
        "hmin": "{h} h {m} min", "gb": " Go",
    },
    "en": {
        "phone": "Phone settings", "computer": "Computer settings", "on": "On", "off": "Off",
        "airplane": "Airplane mode", "wifi": "Wi-Fi", "bluetooth": "Bluetooth",
        "location": "Location", "apps": "Apps and permissions", "updates": "Updates",
        "storage": "Storage", "battery": "Battery", "screen_time": "Screen time",
        "lock": "Screen lock", "accounts": "Accounts", "backup": "Backup",
        "connected": "Connected", "secured": "secured", "open": "open (not secured)",
        "signal": "signal {n}/3", "networks": "Available networks",
        "notConnected": "Not connected", "devices": "Devices", "paired": "Paired",
        "camera": "Camera", "microphone": "Microphone", "contacts": "Contacts",
        "perm_location": "Location", "allow": "Allow", "ask": "Ask every time", "deny": "Deny",
        "permsOf": "{a} permissions", "permCount1": "{n} permission",
        "permCount": "{n} permissions", "auto": "Automatic updates", "system": "System",
        "current": "Installed version: {v}", "available": "Version {v} available ({s})",
        "upToDate": "Up to date", "appUpd": "App updates", "used": "{u} GB used of {t} GB",
        "free": "Free", "level": "Charge level: {n}%", "saver": "Battery saver",
        "usage": "Use since last full charge", "today": "Today", "limitOf": "limit {m}",
        "noLimit": "no limit", "method": "Lock method", "none": "None", "pattern": "Pattern",
        "pin": "PIN", "password_m": "Password", "syncOf": "Sync {s}",
        "backupOn": "Automatic backup", "last": "Last backup: {d}",
        "target": "Destination: {t}", "never": "never", "min": "{m} min",
        "hmin": "{h} h {m} min", "gb": " GB",
    },
}  # fmt: skip


@dataclass(frozen=True)
class Group:
    heading: str  # "" for none
    rows: list[tuple[str, str]]  # (what, its value); a value may be ""


@dataclass(frozen=True)
class Section:
    title: str
    summary: str  # as the main menu shows it, beside the section's name
    groups: list[Group]


@dataclass(frozen=True)
class Device:
    title: str  # "Phone settings"
    name: str  # "Enzo's phone"
    airplane: str  # "Airplane mode: Off", "" when the scenario has none
    sections: list[Section]


def _number(value) -> float:
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _list(value) -> list:
    return [x for x in value if hasattr(x, "get")] if isinstance(value, (list, tuple)) else []


def js_number(value: float) -> str:
    """The simulator's `cnum`: ten significant digits, no trailing `.0`."""
    rounded = float(f"{value:.10g}")
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)


def shown_number(value: float, locale: str) -> str:
    text = js_number(value)
    return text.replace(".", ",", 1) if locale == "fr" else text


def duration(minutes, locale: str) -> str:
    """`45 min`, `4 h 00 min`, as the simulator's `dur`."""
    words = WORDS.get(locale, WORDS["fr"])
    m = int(_number(minutes))
    if m >= 60:
        return words["hmin"].replace("{h}", str(m // 60)).replace("{m}", f"{m % 60:02d}")
    return words["min"].replace("{m}", str(m))


def percent(value, locale: str) -> str:
    return js_number(_number(value)) + (" %" if locale == "fr" else "%")


def _on(raw) -> bool:
    # YAML 1.1 reads an unquoted `on:` key as true, which the simulator also accepts.
    return bool(raw.get("on", raw.get("true", raw.get(True))))


def device(scenario, locale: str) -> Device:
    words = WORDS.get(locale, WORDS["fr"])

    def switch(label: str, on) -> tuple[str, str]:
        return (label, words["on" if on else "off"])

    sections = []
    for key in ORDER:
        raw = scenario.get(key)
        if raw is None:
            continue
        summary, groups = "", []
        if key == "wifi":
            on = _on(raw)
            connected = _text(raw.get("connected"))
            summary = (connected or words["notConnected"]) if on else words["off"]
            groups.append(Group("", [switch(words["wifi"], on)]))
            if on:
                rows = []
                for net in _list(raw.get("networks")):
                    name = _text(net.get("name"))
                    detail = (words["secured"] if net.get("secure") else words["open"]) + (
                        " · "
                        + words["signal"].replace("{n}", js_number(_number(net.get("signal"))))
                    )
                    rows.append(
                        (name, detail + (" · " + words["connected"] if name == connected else ""))
                    )
                groups.append(Group(words["networks"], rows))
        elif key == "bluetooth":
            on = _on(raw)
            summary = words["on" if on else "off"]
            groups.append(Group("", [switch(words["bluetooth"], on)]))
            if on:
                groups.append(
                    Group(
                        words["devices"],
                        [
                            (_text(d.get("name")), words["paired"] if d.get("paired") else "")
                            for d in _list(raw.get("devices"))
                        ],
                    )
                )
        elif key == "location":
            on = _on(raw)
            summary = words["on" if on else "off"]
            groups.append(Group("", [switch(words["location"], on)]))
        elif key == "apps":
            apps = _list(raw)
            summary = str(len(raw) if isinstance(raw, (list, tuple)) else 0)
            rows = []
            for app in apps:
                perms = app.get("permissions") or {}
                count = len(perms)
                rows.append(
                    (
                        (_text(app.get("icon")) + " " if app.get("icon") else "")
                        + _text(app.get("name")),
                        words[
                            "permCount1"
                            if count == 1 or (count == 0 and locale == "fr")
                            else "permCount"
                        ].replace("{n}", str(count)),
                    )
                )
            groups.append(Group("", rows))
            for app in apps:
                perms = app.get("permissions") or {}
                groups.append(
                    Group(
                        words["permsOf"].replace("{a}", _text(app.get("name"))),
                        [
                            (
                                words["perm_location" if p == "location" else p],
                                words[
                                    perms[p] if perms[p] in ("allow", "ask", "deny") else "allow"
                                ],
                            )
                            for p in PERMISSIONS
                            if p in perms
                        ],
                    )
                )
        elif key == "updates":
            system = raw.get("system") if hasattr(raw.get("system"), "get") else None
            apps = _list(raw.get("apps"))
            waiting = len(apps) + (1 if system and system.get("available") else 0)
            summary = str(waiting) if waiting else words["upToDate"]
            groups.append(Group("", [switch(words["auto"], raw.get("auto"))]))
            if system:
                current = words["current"].replace("{v}", _text(system.get("current")))
                if system.get("available"):
                    state = (
                        words["available"]
                        .replace("{v}", _text(system.get("available")))
                        .replace("{s}", _text(system.get("size")))
                    )
                else:
                    state = words["upToDate"]
                groups.append(Group(words["system"], [(current, state)]))
            if apps:
                groups.append(
                    Group(
                        words["appUpd"],
                        [
                            (
                                _text(a.get("name")),
                                _text(a.get("version"))
                                + (" · " + _text(a.get("size")) if a.get("size") else ""),
                            )
                            for a in apps
                        ],
                    )
                )
        elif key == "storage":
            used = _list(raw.get("used"))
            total_used = 0.0
            for u in used:
                total_used += _number(u.get("gb"))
            total = _number(raw.get("total_gb"))
            summary = (
                words["used"]
                .replace("{u}", shown_number(total_used, locale))
                .replace("{t}", shown_number(total, locale))
            )
            free = math.floor(((total or 1) - total_used) * 10 + 0.5) / 10  # Math.round
            groups.append(
                Group(
                    summary,
                    [
                        (
                            _text(u.get("label")),
                            shown_number(_number(u.get("gb")), locale) + words["gb"],
                        )
                        for u in used
                    ]
                    + [(words["free"], shown_number(free, locale) + words["gb"])],
                )
            )
        elif key == "battery":
            summary = percent(raw.get("level"), locale)
            groups.append(
                Group(
                    "",
                    [
                        (words["level"].replace("{n}", js_number(_number(raw.get("level")))), ""),
                        switch(words["saver"], raw.get("saver")),
                    ],
                )
            )
            usage = _list(raw.get("usage"))
            if usage:
                groups.append(
                    Group(
                        words["usage"],
                        [(_text(u.get("app")), percent(u.get("percent"), locale)) for u in usage],
                    )
                )
        elif key == "screen_time":
            today = _list(raw.get("today"))
            limits = raw.get("limits") or {}
            summary = duration(sum(int(_number(u.get("minutes"))) for u in today), locale)
            groups.append(
                Group(
                    words["today"],
                    [
                        (
                            _text(u.get("app")),
                            duration(u.get("minutes"), locale)
                            + " · "
                            + (
                                words["limitOf"].replace(
                                    "{m}", duration(limits[u.get("app")], locale)
                                )
                                if limits.get(u.get("app"))
                                else words["noLimit"]
                            ),
                        )
                        for u in today
                    ],
                )
            )
        elif key == "lock":
            method = _text(raw.get("method")) or "none"
            summary = words.get("password_m" if method == "password" else method, method)
            groups.append(Group("", [(words["method"], summary)]))
        elif key == "accounts":
            accounts = _list(raw)
            summary = str(len(raw) if isinstance(raw, (list, tuple)) else 0)
            for account in accounts:
                service = _text(account.get("service"))
                groups.append(
                    Group(
                        service,
                        [
                            (_text(account.get("address")), ""),
                            switch(words["syncOf"].replace("{s}", service), account.get("sync")),
                        ],
                    )
                )
        elif key == "backup":
            on = _on(raw)
            summary = words["on" if on else "off"]
            rows = [
                switch(words["backupOn"], on),
                (words["last"].replace("{d}", _text(raw.get("last")) or words["never"]), ""),
            ]
            if raw.get("target"):
                rows.append((words["target"].replace("{t}", _text(raw.get("target"))), ""))
            groups.append(Group("", rows))
        sections.append(Section(words[key], summary, groups))
    airplane = scenario.get("airplane")
    return Device(
        title=words["computer" if scenario.get("device") == "computer" else "phone"],
        name=_text(scenario.get("name")),
        airplane=words["airplane"]
        + (" : " if locale == "fr" else ": ")
        + words["on" if airplane else "off"]
        if isinstance(airplane, bool)
        else "",
        sections=sections,
    )
