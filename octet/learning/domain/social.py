"""The social simulator's profile as plain data, for a page that shows it as text (no script).

The same scenario as `content/simulators/social.html`, read by the same rules: the profile is
shown as each viewer of its "View as" switch sees it (me, a friend, the public); a detail
(e-mail, city, birthday) or a post is seen by me always, by a friend if its audience is public
or friends, by the public if it is public; a post without a known `visibility` takes the
`posts` setting, and a detail or the friends list without a known setting is public; dates are
`DD/MM/YYYY` in French. The words are the simulator's own (`T[locale]`). Keep the two in step:
a change to one is a change to the other and to `tests/learning/test_social_text.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from octet.learning.domain.scenario import shown_date
from octet.learning.domain.scenario import text as _text

AUDIENCES = ("public", "friends", "only_me")
VIEWERS = ("me", "friend", "public")

# The simulator's `T[locale]` words that its profile shows.
WORDS = {
    "fr": {
        "viewAs": "Voir en tant que :", "me": "Moi", "friend": "Un ami", "public": "Le public",
        "public_a": "Public", "friends_a": "Amis", "only_me_a": "Moi uniquement",
        "noteMe": "Vous voyez votre profil comme vous seul le voyez.",
        "noteFriend": "Voici ce qu\u2019un de vos amis voit.",
        "notePublic": "Voici ce que voit n\u2019importe qui, même sans compte.",
        "indexed": "Ce profil peut apparaître dans les moteurs de recherche.",
        "email": "E-mail", "city": "Ville", "birthday": "Anniversaire",
        "posts": "Publications", "friends": "Amis ({n})",
        "noPosts": "Aucune publication visible.",
        "hiddenFriends": "La liste d\u2019amis est masquée.", "likes": "{n} j\u2019aime",
        "with": "avec {t}", "photo": "Photo : ", "audience": "Visible par : {a}",
        "privacy": "Confidentialité",
        "s_posts": "Qui peut voir mes futures publications ?",
        "s_friends_list": "Qui peut voir ma liste d\u2019amis ?",
        "s_email": "Qui peut voir mon adresse e-mail ?", "s_city": "Qui peut voir ma ville ?",
        "s_birthday": "Qui peut voir mon anniversaire ?",
        "s_tag_approval": "Vérifier les identifications avant qu\u2019elles apparaissent",
        "s_search_engines": "Autoriser les moteurs de recherche à afficher mon profil",
        "s_messages": "Qui peut m\u2019envoyer des messages ?", "everyone": "Tout le monde",
        "nobody": "Personne", "friends_m": "Mes amis", "yes": "Oui", "no": "Non",
        "tags": "Demandes d\u2019identification",
    },
    "en": {
        "viewAs": "View as:", "me": "Me", "friend": "A friend", "public": "The public",
        "public_a": "Public", "friends_a": "Friends", "only_me_a": "Only me",
        "noteMe": "You see your profile as only you can see it.",
        "noteFriend": "This is what one of your friends sees.",
        "notePublic": "This is what anyone sees, even without an account.",
        "indexed": "This profile may appear in search engines.",
        "email": "E-mail", "city": "City", "birthday": "Birthday", "posts": "Posts",
        "friends": "Friends ({n})", "noPosts": "No visible posts.",
        "hiddenFriends": "The friends list is hidden.", "likes": "{n} likes",
        "with": "with {t}", "photo": "Photo: ", "audience": "Visible to: {a}",
        "privacy": "Privacy", "s_posts": "Who can see my future posts?",
        "s_friends_list": "Who can see my friends list?",
        "s_email": "Who can see my e-mail address?", "s_city": "Who can see my city?",
        "s_birthday": "Who can see my birthday?",
        "s_tag_approval": "Review tags before they appear",
        "s_search_engines": "Let search engines show my profile",
        "s_messages": "Who can send me messages?", "everyone": "Everyone",
        "nobody": "Nobody", "friends_m": "My friends", "yes": "Yes", "no": "No",
        "tags": "Tag requests",
    },
}  # fmt: skip
_MESSAGES = {"everyone": "everyone", "friends": "friends_m", "nobody": "nobody"}


@dataclass(frozen=True)
class Post:
    date: str  # as shown
    audience: str  # "Visible to: Friends" in my own view, "" in another's
    text: str
    photo: str  # "Photo: a drawing of a cat", "" without a photo
    footer: str  # "8 likes", "with @ines", joined by " · "


@dataclass(frozen=True)
class View:
    """The profile as one viewer of the switch sees it."""

    title: str  # "View as: The public"
    note: str
    details: list[tuple[str, str]]  # (label, value, with its audience in my own view)
    posts: list[Post]
    no_posts: str  # "No visible posts." when none is seen
    friends_title: str  # "" when the simulator shows no friends list at all
    friends: list[str]  # "Name @handle"
    friends_hidden: str  # "The friends list is hidden." when it is


@dataclass(frozen=True)
class Profile:
    network: str
    name: str
    handle: str
    bio: str
    views: list[View]  # me, a friend, the public
    privacy: list[tuple[str, str]]  # (question, value): my own view of an editable profile
    tag_requests: list[str]  # "@from — text", likewise
    words: dict[str, str]


def _sees(viewer: str, audience: str) -> bool:
    return viewer == "me" or audience == "public" or (audience == "friends" and viewer == "friend")


def _audience(value) -> str:
    return value if value in AUDIENCES else "public"


def profile(scenario, locale: str) -> Profile:
    words = WORDS.get(locale, WORDS["fr"])
    me = scenario.get("me") or {}
    settings = dict(scenario.get("settings") or {})
    editable = scenario.get("editable") is not False
    raw_posts = [p for p in scenario.get("posts") or () if hasattr(p, "get")]
    friends = [f for f in scenario.get("friends") or () if hasattr(f, "get")]

    def post_audience(raw) -> str:
        if raw.get("visibility") in AUDIENCES:
            return raw["visibility"]
        return _audience(settings.get("posts"))

    def seen_by(viewer: str) -> View:
        mine = viewer == "me"
        details = []
        for key in ("email", "city", "birthday"):
            if not me.get(key):
                continue
            audience = _audience(settings.get(key))
            if not _sees(viewer, audience):
                continue
            value = _text(me[key])
            value = shown_date(value, locale) if key == "birthday" else value
            if mine:
                value += " (" + words["audience"].replace("{a}", words[audience + "_a"]) + ")"
            details.append((words[key], value))
        posts = []
        for raw in raw_posts:
            audience = post_audience(raw)
            if not _sees(viewer, audience):
                continue
            footer = []
            if raw.get("likes") is not None:
                footer.append(words["likes"].replace("{n}", _text(raw["likes"])))
            tags = [_text(t) for t in raw.get("tags") or ()]
            if tags:
                footer.append(words["with"].replace("{t}", ", ".join(tags)))
            posts.append(
                Post(
                    date=shown_date(_text(raw.get("date")), locale),
                    audience=words["audience"].replace("{a}", words[audience + "_a"])
                    if mine
                    else "",
                    text=_text(raw.get("text")),
                    photo=words["photo"] + _text(raw["photo"]) if raw.get("photo") else "",
                    footer=" · ".join(footer),
                )
            )
        shown_list = bool(friends) or bool(settings.get("friends_list"))
        list_seen = _sees(viewer, _audience(settings.get("friends_list")))
        note = words["note" + viewer.capitalize()]
        if viewer == "public" and settings.get("search_engines") is True:
            note += " " + words["indexed"]
        return View(
            title=f"{words['viewAs']} {words[viewer]}",
            note=note,
            details=details,
            posts=posts,
            no_posts="" if posts else words["noPosts"],
            friends_title=words["friends"].replace("{n}", str(len(friends)) if list_seen else "…")
            if shown_list
            else "",
            friends=[f"{_text(f.get('name'))} {_text(f.get('handle'))}" for f in friends]
            if shown_list and list_seen
            else [],
            friends_hidden=words["hiddenFriends"] if shown_list and not list_seen else "",
        )

    privacy = []
    if editable:
        for key in ("posts", "friends_list", "email", "city", "birthday"):
            if key in settings:
                privacy.append((words["s_" + key], words[_audience(settings[key]) + "_a"]))
        if "messages" in settings:
            value = _MESSAGES.get(settings["messages"], "everyone")  # the list's first, as a select
            privacy.append((words["s_messages"], words[value]))
        for key in ("tag_approval", "search_engines"):
            if key in settings:
                privacy.append((words["s_" + key], words["yes" if settings[key] is True else "no"]))
    return Profile(
        network=_text(scenario.get("network")),
        name=_text(me.get("name")),
        handle=_text(me.get("handle")),
        bio=_text(me.get("bio")),
        views=[seen_by(v) for v in VIEWERS],
        privacy=privacy,
        tag_requests=[
            f"{_text(t.get('from'))} — {_text(t.get('text'))}"
            for t in scenario.get("tag_requests") or ()
            if hasattr(t, "get")
        ]
        if editable
        else [],
        words=words,
    )
