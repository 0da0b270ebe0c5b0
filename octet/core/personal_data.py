"""The registry of personal data held by each context.

Every app that stores data about a person registers one exporter (what to put in the person's
download) and one eraser (what to delete or anonymise when the account is deleted). The accounts
context calls them all, so adding a context never means editing the account code.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonalDataProvider:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]


_providers: dict[str, PersonalDataProvider] = {}


def register(name: str, *, export: Callable[[Any], Any], erase: Callable[[Any], None]) -> None:
    _providers[name] = PersonalDataProvider(name=name, export=export, erase=erase)


def providers() -> list[PersonalDataProvider]:
    return [_providers[name] for name in sorted(_providers)]
