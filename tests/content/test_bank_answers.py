"""The shipped bank judges the answers a learner really types: right forms accepted, wrong refused.

Each line is an answer found refused (or accepted) during a review of the bank through the real
checker; it keeps the variant, label or tolerance that fixed it from being lost in a later edit.
"""

from pathlib import Path

import pytest

from octet.content.domain.checking import check_answer
from octet.content.domain.release import load_release

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def bank():
    return load_release(CONTENT)


def _answer(bank, challenge_id: str, typed: str):
    challenge = bank.challenges[challenge_id]
    if challenge.type.startswith("qrocm"):
        return dict(part.split("=", 1) for part in typed.split("|"))
    return typed


RIGHT = [
    ("emailRecipients2-field-names", "fr", "a=À|b=Cc|c=Copie conforme invisible"),
    ("emailRecipients2-field-names", "en", "a=Recipient|b=CC|c=BCC"),
    ("largeFiles2-unit", "fr", "un Go"),
    ("largeFiles2-unit", "en", "a gigabyte"),
    ("responsiblePosting5-old-photo-year", "fr", "en 2016"),
    (
        "blogPublishing5-permalink",
        "fr",
        "Https://blog-tilleuls.fr/2025/06/ete-au-jardin-horaires-d-ouverture",
    ),
    ("coEditing3-suggestions-list", "fr", "pending=3 suggestions|author=Inès"),
    ("coEditing4-who-deleted", "fr", "who=Tom|time=16 heures 30"),
    ("sharedCalendars1-room", "en", "the room B12"),
    ("sharedCalendars2-poll-result", "fr", "Samedi 14 juin 2025"),
    ("sharedCalendars4-montreal-time", "fr", "10 heures"),
    ("sharedCalendars4-ics-kickoff", "fr", "day=jeudi 12 juin|time=16 heures"),
    ("sharedCalendars4-ics-kickoff", "en", "day=Thursday 12 June|time=4 p.m."),
    ("teamTasks5-hugo-hours", "fr", "11 h 30"),
    ("onlineProcedures2-real-domain", "fr", "paiement-express.com/"),
    (
        "onlineProcedures3-receipt",
        "fr",
        "reference=BRS-2026-084517|deadline=avant le 15 octobre 2026",
    ),
    ("termsOfService4-age-retention", "en", "age=fifteen years|days=ninety days"),
    ("termsOfService6-third-parties", "fr", "first=annonceurs|second=les autorités"),
    ("termsOfService6-third-parties", "en", "first=advertisers|second=the server host"),
    ("digitalEconomy3-model-names", "fr", "notes=Freemium|encyclo=les dons des lecteurs"),
    ("digitalEconomy6-filter-bubble", "fr", "une bulle de filtres"),
    ("digitalEconomy6-filter-bubble", "fr", "enfermement algorithmique"),
    ("deviceHygiene3-double-extension", "fr", "l'extension .exe"),
    ("deviceHygiene4-rule-321", "fr", "copies=3 copies|media=2 supports|offsite=1 copie"),
    ("safeConnections6-best-protocol", "fr", "le WPA3"),
    (
        "safeConnections7-checksum-match",
        "en",
        "file=libretexte-7.2.0-windows.zip|version=LibreTexte 7.2.0",
    ),
    ("dataProtectionRights5-deadlines", "fr", "normal=le 15 avril|extended=15 juin au plus tard"),
    ("dataProtectionRights7-breach-deadline", "fr", "jeudi 6 juin 2024 à 9 h"),
    ("dataProtectionRights7-breach-deadline", "en", "Thursday, June 6"),
    ("cookieTracking5-clean-link", "fr", "boutique-exemple.fr/chaussures"),
    ("screenTimeBalance5-weekly-total", "fr", "945 minutes"),
    ("screenTimeBalance5-weekly-total", "en", "945 mins"),
    ("screenTimeBalance6-second-app", "fr", "l'application Jeux"),
    (
        "cyberbullyingResponse3-evidence-fields",
        "fr",
        "author=@max_du_93|date=mardi 12 mars 2024 à 21 h 15",
    ),
    ("textEditing3-match-case", "fr", "2 occurrences"),
    ("errorMessages3-find-moved-page", "en", "the 19th of August"),
    ("errorMessages4-http-codes", "fr", "server=Erreur 500|forbidden=code 403|notfound=404"),
    ("errorMessages6-backup-log", "en", "time=10.09 pm|free=3.5 gigabytes"),
    ("techHelpRequests4-requirements", "fr", "part=RAM|missing=il manque 4 Go"),
    ("deviceComponents3-offers-read", "fr", "lightest=Le portable Cima|storage=512Go"),
    ("softwareChoices6-release-notes", "fr", "La 4.8.2"),
    ("homeNetwork4-band", "en", "2,4 GHz"),
    ("homeNetwork6-device-list", "fr", "printer=192.168.1.15|wifi=5 appareils en Wi-Fi"),
    ("searchKeywords3-pool-reopening", "fr", "le 11/05"),
    ("searchOperators4-minus", "en", "the minus sign (-)"),
    ("sourceReliability3-byline", "fr", "author=Karim Benali|updated=jeudi 15 juin 2023"),
    ("wikiHistory6-find-vandalism", "en", "date=14 Feb 2024|height=42 metres"),
    ("fileTypes4-last-dot", "fr", "l'extension jpeg"),
    ("folderPaths3-which-folder", "en", "in the Home folder"),
    ("fileMetadata5-exif", "fr", "date=14 juillet 2023 à 16 h 42|model=EOS250D"),
    ("spreadsheetBasics1-cell-address", "fr", "la cellule A3"),
    ("textEditing3-whole-word", "en", "Mrs Durandel"),
    ("pageLayout5-restart-numbering", "fr", "page 4"),
    ("documentReview6-pdf-properties", "fr", "author=Hélène Marchal|year=en 2025"),
    ("imageEditing3-zero-saturation", "fr", "en nuances de gris"),
    ("slideshows4-reorder", "en", "6th"),
    ("purposeFileFormats3-csv-members", "fr", "separator=Le point-virgule|members=7 adhérents"),
    ("reuseLicences6-public-domain-year", "fr", "1er janvier 2026"),
    ("programTracing3-two-variables", "fr", "x=x = 6|y=y = 10"),
    ("webPageCode3-recipe-page", "fr", "title=Crêpes faciles|images=3 images"),
    # a count may name what it counts in the learner's own words
    ("audioVideo3-frame-count", "fr", "72 images"),
    ("audioVideo3-frame-count", "en", "72 pictures"),
    ("storageBackup3-photos-count", "fr", "4 000 clichés"),
    ("digitalFootprint4-friends-of-friends", "en", "8 persons"),
    ("digitalFootprint4-friends-of-friends", "en", "8 personnes"),
    ("socialPrivacySettings5-share-reach", "fr", "680 personnes."),
    ("sharedCalendars5-ics-recurrence", "fr", "count=6 séances|last=21 octobre 2025"),
    ("purposeFileFormats3-csv-members", "en", "separator=;|members=7 people"),
    ("dataProtectionRights6-export-logins", "fr", "date=14 mai 2024|advertisers=5 entreprises"),
    # a decimal comma or point, whatever the locale
    ("errorMessages6-backup-log", "fr", "time=22 h 09|free=3.50 Go"),
    ("homeNetwork4-band", "fr", "la bande 2.4 GHz"),
    ("searchOperators5-compost-guide", "en", "£15,00"),
    ("largeFiles5-megapixels", "en", "a=1,92 megapixels|b=4,32 MP"),
    # a date's leading zeros and the article before it, where t3 is off for the date
    ("sharedCalendars2-poll-result", "fr", "le 14 juin 2025"),
    ("sharedCalendars2-poll-result", "fr", "14/6/2025"),
    ("teamTasks3-task-card", "fr", "left=2|due=le 18 avril 2025"),
    ("sharingLinks4-link-settings", "fr", "forwarded=oui|until=le 31 août 2025"),
    ("reuseLicences6-public-domain-year", "fr", "le 1 janvier 2026"),
    ("sharedCalendars5-ics-recurrence", "fr", "count=6|last=le 21 octobre 2025"),
    ("documentReview5-accept-reject", "en", "day=Thursday|time=10.00 a.m."),
    ("errorMessages6-backup-log", "en", "time=10:09 p.m.|free=3.5 GB"),
    # a whole number in words, where the field expects a number
    ("storageBackup3-photos-count", "fr", "quatre mille photos"),
    ("storageBackup3-photos-count", "en", "four thousand"),
    ("spreadsheetFunctions7-sumifs", "fr", "cent cinquante euros"),
    ("spreadsheetFunctions7-sumifs", "en", "one hundred and fifty"),
    ("audioVideo3-frame-count", "fr", "soixante-douze images"),
    ("audioVideo3-frame-count", "fr", "septante-deux"),
    ("audioVideo3-frame-count", "en", "seventy-two pictures"),
]

WRONG = [
    (
        "blogPublishing5-permalink",
        "fr",
        "https://blog-tilleuls.fr/2025/06/Ete-au-jardin-horaires-d-ouverture",
    ),
    ("teamTasks5-hugo-hours", "fr", "11 h 50"),
    ("screenTimeBalance5-weekly-total", "fr", "945 heures"),
    ("cyberbullyingResponse2-block", "fr", "débloquer"),
    (
        "cyberbullyingResponse3-evidence-fields",
        "fr",
        "author=@max_du_93|date=mardi 12 mars 2024 à 21 h 06",
    ),
    ("dataProtectionRights5-deadlines", "fr", "normal=15 mai|extended=15 juin"),
    ("homeNetwork4-band", "en", "5 GHz"),
    ("safeConnections7-checksum-match", "en", "file=libretexte-7.2.1-windows.zip|version=7.2.1"),
    ("slideshows4-reorder", "fr", "5"),
    ("reuseLicences6-public-domain-year", "fr", "2025"),
    ("programTracing3-two-variables", "fr", "x=x = 7|y=y = 10"),
    ("codeDebugging4-adult-operator", "fr", ">"),
    ("audioVideo3-frame-count", "fr", "72 Mo"),
    ("audioVideo3-frame-count", "fr", "72 mille"),
    ("audioVideo3-frame-count", "en", "72 or more"),
    ("digitalFootprint4-friends-of-friends", "en", "8 per day"),
    ("sharedCalendars5-ics-recurrence", "fr", "count=6 Go|last=21 octobre 2025"),
    ("errorMessages6-backup-log", "fr", "time=22 h 09|free=3,5 Mo"),
    ("sharedCalendars2-poll-result", "fr", "le 15 juin 2025"),
    ("onlineProcedures4-form-formats", "fr", "birthdate=7 mars 2011|start=2027-04-09"),
    ("storageBackup3-photos-count", "fr", "quatre mille cent"),
    ("storageBackup3-photos-count", "en", "four thousand or more"),
    ("storageBackup3-photos-count", "fr", "quatre mille Mo"),
    ("spreadsheetFunctions7-sumifs", "fr", "cent cinquante mille"),
    ("spreadsheetFunctions7-sumifs", "en", "a hundred and fifty dollars"),
    ("audioVideo3-frame-count", "fr", "soixante-douze mille"),
    ("audioVideo3-frame-count", "en", "seventy-two per second"),
    ("audioVideo3-frame-count", "fr", "soixante douze cent"),
]


@pytest.mark.parametrize("challenge_id, locale, typed", RIGHT)
def test_a_right_answer_as_a_learner_types_it_is_accepted(bank, challenge_id, locale, typed):
    answer = _answer(bank, challenge_id, typed)
    verdict = check_answer(bank.challenges[challenge_id], locale, answer)
    assert verdict.ok, verdict.per_field


@pytest.mark.parametrize("challenge_id, locale, typed", WRONG)
def test_a_wrong_answer_stays_refused(bank, challenge_id, locale, typed):
    answer = _answer(bank, challenge_id, typed)
    assert not check_answer(bank.challenges[challenge_id], locale, answer).ok
