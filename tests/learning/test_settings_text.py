"""A read-only settings simulator without JavaScript: the page shows the device's settings as
text (the menu with each section's summary, then each section as it opens), its question is
answered from it, and it is never offered to be set aside."""

import pytest

from octet.content.domain.release import current_release
from octet.learning import selectors, services
from octet.learning.domain import device_settings
from tests.learning.test_wiki_text import (
    as_text,
    assert_accepted,
    noscript_of,
    serve,
    signed_in,  # noqa: F401 (a fixture)
)

SCREEN_TIME = "screenTimeBalance3-read-settings"
BATTERY = "troubleshootingBasics4-battery-hog"
STORAGE = "storageSpace3-update-space"

# What a learner types after reading the text version only (for the storage, the free space
# shown, 2,4 Go, taken from the 3,5 Go the question asks for).
READ_FROM_THE_TEXT = {
    (SCREEN_TIME, "fr"): {"field-app": "Vidéo+", "field-total": "240"},
    (SCREEN_TIME, "en"): {"field-app": "Video+", "field-total": "240"},
    (BATTERY, "fr"): {"answer": "Jeu Galaxia"},
    (BATTERY, "en"): {"answer": "Galaxia Game"},
    (STORAGE, "fr"): {"answer": "1,1"},
    (STORAGE, "en"): {"answer": "1.1"},
}

# What the text shows that the answer is read from.
SHOWN = {
    (SCREEN_TIME, "fr"): ["Vidéo+ 1 h 35 min · sans limite", "Temps d’écran 4 h 00 min"],
    (SCREEN_TIME, "en"): ["Video+ 1 h 35 min · no limit", "Screen time 4 h 00 min"],
    (BATTERY, "fr"): ["Jeu Galaxia 46 %", "Écran 18 %"],
    (BATTERY, "en"): ["Galaxia Game 46%", "Screen 18%"],
    (STORAGE, "fr"): ["61,6 Go utilisés sur 64 Go", "Libre 2,4 Go"],
    (STORAGE, "en"): ["61.6 GB used of 64 GB", "Free 2.4 GB"],
}


# --- the pure renderer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "shown"), [(0, "0 min"), (45, "45 min"), (60, "1 h 00 min"), (245, "4 h 05 min")]
)
def test_durations_are_written_as_the_simulator_writes_them(minutes, shown):
    assert device_settings.duration(minutes, "en") == shown


def test_numbers_have_ten_significant_digits_and_a_comma_in_french():
    assert device_settings.shown_number(31.5 + 18.2 + 9.8 + 2.1, "fr") == "61,6"
    assert device_settings.shown_number(64.0, "en") == "64"
    assert device_settings.percent(46, "fr") == "46 %"
    assert device_settings.percent(46, "en") == "46%"


def test_sections_come_in_the_simulators_order_each_with_its_menu_summary():
    scenario = {
        "device": "computer",
        "airplane": False,
        "backup": {"true": True, "last": ""},
        "wifi": {"on": True, "connected": "Maison", "networks": [
            {"name": "Maison", "secure": True, "signal": 3}, {"name": "Café", "signal": 1}]},
        "lock": {"method": "password"},
        "updates": {"auto": False, "system": {"current": "13", "available": "14", "size": "2 GB"},
                    "apps": [{"name": "Maps", "version": "5.2"}]},
        "apps": [{"name": "Piaf", "icon": "🐦", "permissions": {"camera": "ask"}}],
    }  # fmt: skip

    shown = device_settings.device(scenario, "en")

    assert (shown.title, shown.airplane) == ("Computer settings", "Airplane mode: Off")
    assert [(s.title, s.summary) for s in shown.sections] == [
        ("Wi-Fi", "Maison"),
        ("Apps and permissions", "1"),
        ("Updates", "2"),
        ("Screen lock", "Password"),
        ("Backup", "On"),  # an unquoted YAML `on:` key read as true
    ]
    wifi, apps, updates, _, backup = shown.sections
    assert wifi.groups[1].rows == [
        ("Maison", "secured · signal 3/3 · Connected"),
        ("Café", "open (not secured) · signal 1/3"),
    ]
    assert apps.groups[0].rows == [("🐦 Piaf", "1 permission")]
    assert apps.groups[1].heading == "Piaf permissions"
    assert apps.groups[1].rows == [("Camera", "Ask every time")]
    assert updates.groups[1].rows == [("Installed version: 13", "Version 14 available (2 GB)")]
    assert backup.groups[0].rows[1] == ("Last backup: never", "")


# --- the selector ----------------------------------------------------------------------------


def test_only_a_read_only_use_of_the_settings_simulator_has_a_text_version():
    simulators = [
        c
        for c in current_release().challenges.values()
        if c.embed and c.embed.simulator == "settings"
    ]
    reporting = [c for c in simulators if c.embed.scenario["en"].get("report")]
    read_only = [c for c in simulators if not c.embed.scenario["en"].get("report")]

    assert {cid for cid, _ in READ_FROM_THE_TEXT} == {c.id for c in read_only}
    for challenge in reporting:
        assert selectors.settings_text(challenge, "en") is None
        assert services.needs_a_script(challenge)
    for challenge in read_only:
        text = selectors.settings_text(challenge, "fr")
        assert text is not None and text.name == challenge.embed.scenario["fr"]["name"]
        assert not services.needs_a_script(challenge)


def test_the_text_version_holds_nothing_the_simulator_does_not_show():
    """The storage question's answer is a subtraction the learner makes: never written."""
    for locale in ("fr", "en"):
        text = str(selectors.settings_text(current_release().challenges[STORAGE], locale))

        assert "1,1" not in text and "1.1" not in text
        assert "3,5" not in text and "3.5" not in text


# --- the page, through HTTP -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("challenge_id", "locale"), sorted(READ_FROM_THE_TEXT))
def test_without_javascript_the_settings_are_read_as_text_and_the_question_answered(
    signed_in,  # noqa: F811
    challenge_id,
    locale,
):
    challenge = current_release().challenges[challenge_id]
    assessment_id = serve(signed_in, challenge, locale)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = noscript_of(page)
    assert 'value="set-aside"' not in noscript
    assert f'<div class="settings-text" lang="{locale}">' in noscript
    words = as_text(noscript)
    for shown in SHOWN[challenge_id, locale]:
        assert shown in words

    assert_accepted(
        signed_in, assessment_id, challenge_id, READ_FROM_THE_TEXT[challenge_id, locale]
    )
