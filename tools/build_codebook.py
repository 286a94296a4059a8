"""Regenerate src/dyadwatch/dictionaries/data/cameo_codes.tsv from the shared codebooks.

Facts only: code, name, root, Goldstein score, quad class and the PLOVER type/mode/context of
each CAMEO code. Run: python tools/build_codebook.py [../shared/codebooks]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dyadwatch/dictionaries/data/cameo_codes.tsv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main(books: Path) -> None:
    codes = {r["code"]: r for r in _rows(books / "cameo_event_codes.tsv")}
    for extra in _rows(books / "cameo_event_codes_extra.tsv"):
        parent = codes[extra["parent_code"]]
        codes[extra["code"]] = {
            **extra,
            "goldstein": extra["goldstein"] or parent["goldstein"],
            "cameo_codebook_name": extra["name"],
            "gdelt_label_conflict": "0",
        }
    plover = {r["cameo_code"]: r for r in _rows(books / "cameo_to_plover.tsv")}
    header = [
        "code",
        "name",
        "root_code",
        "level",
        "goldstein",
        "quad_class",
        "plover_event_type",
        "plover_mode",
        "plover_contexts",
    ]
    lines = ["\t".join(header)]
    for code in sorted(codes, key=lambda c: (c[:2], c)):
        row = codes[code]
        # GDELT's label for a few codes names an older draft's event: use the CAMEO 1.1b3 name
        name = row["cameo_codebook_name"] if row["gdelt_label_conflict"] == "1" else row["name"]
        mapped = plover.get(code, {})
        lines.append(
            "\t".join(
                [
                    code,
                    name,
                    row["root_code"],
                    row["level"],
                    row["goldstein"],
                    row["quad_class"],
                    mapped.get("plover_event_type", ""),
                    mapped.get("plover_mode", ""),
                    mapped.get("plover_contexts", ""),
                ]
            )
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} codes to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/codebooks"))
