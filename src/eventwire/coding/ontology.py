"""CAMEO codes with their Goldstein value, quad class and PLOVER v2 type and mode (data/cameo.tsv)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    path = resources.files("eventwire.coding") / "data" / "cameo.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["code"]: CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["quad_class"]),
                                       row["plover"] or None, row["mode"] or None) for row in rows}


def cameo(code: str) -> CameoCode:
    table = cameo_table()
    if code in table:
        return table[code]
    raise KeyError(f"unknown CAMEO code {code!r}")
