"""How eventwire reads its YAML dictionaries: as YAML 1.2 reads booleans.

PyYAML follows YAML 1.1, where `on`, `off`, `yes` and `no` are booleans: `prep: [on]` would become
`[True]` and "call on" would never match. In dictionaries of words, only `true` and `false` are flags.
"""
from __future__ import annotations

import re

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class WordsLoader(_BASE):
    """The safe loader (C-accelerated where available) with YAML 1.2 booleans."""


WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
