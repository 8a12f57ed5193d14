"""Build src/eventwire/coding/data/cameo.tsv from the ontology facts in ../shared/ontology.

Run once by a developer when the ontology changes; the product reads only the TSV it writes.
Applies the project's conventions (../shared/ontology/README.md): 163 is SANCTION, 085 is CONCEDE,
CAMEO 02 (appeal) is REQUEST, 01 (statements) has no PLOVER type, and only PLOVER v2 modes are kept.
"""
import re
import sys
from pathlib import Path

ONTOLOGY = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/ontology")
OUT = Path(__file__).resolve().parents[1] / "src/eventwire/coding/data/cameo.tsv"

V2_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
# Where the 2021 table's mode is not a v2 mode, the v2 mode that means the same (or none).
MODE_FIXES = {"ban": "restrict", "political": "restrict", "return": "release", "assassinate": "targeted",
              "pro_autocracy": "crowd-control"}
OVERRIDES = {  # code: (type, mode), per the project's conventions
    "163": ("SANCTION", "discontinue"), "085": ("CONCEDE", None), "1712": ("ASSAULT", "destroy"),
    "195": ("ASSAULT", "aerial"), "1721": ("COERCE", "censor"), "143": ("PROTEST", "strike"),
    "0813": ("CONCEDE", None), "0814": ("CONCEDE", None),  # easing restrictions is CONCEDE in PLOVER v2
}


def quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def main() -> None:
    names = dict(line.rstrip("\n").split("\t")[:2] for line in open(ONTOLOGY / "cameo-eventcodes.tsv")
                 if not line.startswith("CAMEO"))
    goldstein = dict(line.rstrip("\n").split("\t")[:2] for line in open(ONTOLOGY / "cameo-goldstein.tsv")
                     if not line.startswith("CAMEO"))
    mapping = {}
    for line in open(ONTOLOGY / "cameo2plover-2021.txt"):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if m:
            code, ptype, mode = m.group(1), m.group(2), (m.group(3) or "").strip() or None
            mode = MODE_FIXES.get(mode, mode)
            if mode not in V2_MODES.get(ptype, set()):
                mode = None
            mapping.setdefault(code, (ptype, mode))
    rows = []
    for code in sorted(names, key=lambda c: (c[:2], c)):
        if code[:2] == "01":
            ptype, mode = None, None
        elif code[:2] == "02":
            ptype, mode = "REQUEST", None
        else:
            ptype, mode = OVERRIDES.get(code) or mapping.get(code) or mapping.get(code[:3]) \
                or mapping.get(code[:2]) or (None, None)
            if code[:2] == "19" and ptype is None:
                ptype = "ASSAULT"
        rows.append((code, names[code].strip(), goldstein.get(code, goldstein.get(code[:2], "0")),
                     str(quad(code)), ptype or "", mode or ""))
    with open(OUT, "w") as out:
        out.write("# CAMEO event codes with their Goldstein value, quad class and PLOVER v2 type and mode.\n"
                  "# Facts from the CAMEO 1.1b3 codebook (names), the Goldstein scale as published with\n"
                  "# GDELT's lookups, and Schrodt's CAMEO-to-PLOVER table (2021), with eventwire's conventions:\n"
                  "# 163 SANCTION, 085 CONCEDE, 02 REQUEST, 01 no PLOVER type, PLOVER v2 modes only.\n"
                  "# Written by tools/build_cameo_table.py.\n")
        out.write("code\tname\tgoldstein\tquad_class\tplover\tmode\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
