"""Read YAML keeping, for every value, the line it was written on and its original text.

Content problems are reported as `path:line: message`, so the loader needs PyYAML's marks.
Text positions (solutions, labels…) also need the scalar as typed: YAML would read `yes` as
a boolean, `2021-03-12` as a date and `12.50` as 12.5, which must stay text when an author
means text.
"""

from __future__ import annotations

from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MarkedDict(dict):
    """A YAML mapping; `line` is where it starts, `lines[key]` / `raw[key]` per entry."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}
        self.raw: dict[Any, str] = {}
        self.duplicates: list[tuple[Any, int]] = []


class MarkedList(list):
    """A YAML sequence; `lines[i]` / `raw[i]` per item (raw is None for non-scalars)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []
        self.raw: list[str | None] = []


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            key = str(key)
        if key in result:
            result.duplicates.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
        if isinstance(value_node, yaml.ScalarNode):
            result.raw[key] = value_node.value
    return result


def _sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
        result.raw.append(item.value if isinstance(item, yaml.ScalarNode) else None)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(text: str | bytes) -> Any:
    """Parse one YAML document into MarkedDict / MarkedList / scalars; YamlError if invalid."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return _raise(line, f"invalid YAML: {error.problem or error}{_hint(text, line, error)}")
    except yaml.YAMLError as error:
        return _raise(1, f"invalid YAML: {error}")


# What PyYAML says when a line is indented wrong, or when a text holds ": " or a quote.
_LAYOUT_PROBLEMS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "expected <block end>",
)


def _hint(text: str | bytes, line: int, error: yaml.MarkedYAMLError) -> str:
    """The likely cause, in the words of an author who is not a YAML expert."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())]:
        return " (a tab in the indentation: indent with spaces only)"
    if any(problem in str(error.problem) for problem in _LAYOUT_PROBLEMS):
        return (
            " (check the indentation of this line and of the one above: keys of one level start"
            ' in the same column; a text holding ": " or a quote goes between double quotes)'
        )
    return ""


def _raise(line: int, message: str) -> Any:
    raise YamlError(line, message)


def line_of(container: Any, key: Any = None, default: int = 1) -> int:
    """The line of `container[key]` (or of the container itself), whatever its kind."""
    if isinstance(container, MarkedDict):
        if key is not None and key in container.lines:
            return container.lines[key]
        return container.line or default
    if isinstance(container, MarkedList):
        if isinstance(key, int) and 0 <= key < len(container.lines):
            return container.lines[key]
        return container.line or default
    return default


def raw_of(container: Any, key: Any) -> str | None:
    """The scalar at `container[key]` exactly as typed, or None if it is not a scalar."""
    if isinstance(container, MarkedDict):
        return container.raw.get(key)
    if isinstance(container, MarkedList) and isinstance(key, int) and 0 <= key < len(container):
        return container.raw[key]
    return None
