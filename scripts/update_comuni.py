"""Regenerate the packaged list of Comuni from ISTAT's "Elenco comuni italiani" CSV.

Usage (from a checkout; the package need not be installed)::

    python scripts/update_comuni.py PATH/TO/Elenco-comuni-italiani.csv \
        --data-date 2024-12-04 --obtained-from "ISTAT, download del 4 dicembre 2024"

The source is ISTAT's CSV as published at
https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-italiani.csv
(``;``-separated, ISO-8859-1 or Windows-1252, a header with line breaks inside quotes).
It writes, next to the catalogue, ``comuni.csv`` (UTF-8, comma-separated, one row per
Comune, sorted by code) and ``comuni-source.json`` (source, date, licence, row count and
the SHA-256 of the source file). Nothing depends on the clock: the date of the data is
an argument (default: the source file's modification date).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT_DIR = ROOT / "incas_cli" / "catalog" / "data"
CSV_NAME = "comuni.csv"
SOURCE_NAME = "comuni-source.json"

ISTAT_URL = "https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-italiani.csv"
ISTAT_PAGE = (
    "https://www.istat.it/classificazione/codici-dei-comuni-delle-province-e-delle-regioni/"
)
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.it"

OUTPUT_COLUMNS = ("istat_code", "name", "province", "province_name", "region", "other_name")

# Output column -> the start of ISTAT's header (headers carry footnote marks and line
# breaks that change between releases, so match on a normalised prefix).
SOURCE_COLUMNS = {
    "istat_code": "codice comune formato alfanumerico",
    "name": "denominazione in italiano",
    "other_name": "denominazione altra lingua",
    "province": "sigla automobilistica",
    "province_name": "denominazione dell'unità territoriale sovracomunale",
    "region": "denominazione regione",
}
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


class SourceError(Exception):
    """The source file is not an ISTAT list of Comuni."""


def _messages() -> ModuleType:
    if str(ROOT) not in sys.path:
        # Run from a checkout: the package need not be installed.
        sys.path.insert(0, str(ROOT))
    from incas_cli.messages import catalog

    return catalog


def _normalise_header(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def decode(raw: bytes) -> str:
    """Decode ISTAT's bytes: UTF-8 if it is, else Windows-1252 (a superset of Latin-1)."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte")  # pragma: no cover


def parse(text: str) -> list[dict[str, str]]:
    """ISTAT's CSV text -> one dict per Comune with the output columns, sorted by code."""
    msg = _messages()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        header = [_normalise_header(cell) for cell in next(reader)]
    except StopIteration:
        raise SourceError(msg.SCRIPT_EMPTY_SOURCE) from None
    index: dict[str, int] = {}
    for column, prefix in SOURCE_COLUMNS.items():
        matches = [i for i, cell in enumerate(header) if cell.startswith(prefix)]
        if not matches:
            raise SourceError(msg.SCRIPT_MISSING_COLUMN.format(column=prefix))
        index[column] = matches[0]
    width = max(index.values()) + 1
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < width:
            raise SourceError(msg.SCRIPT_SHORT_ROW.format(line=line_number))
        row = {column: cells[i].strip() for column, i in index.items()}
        code = row["istat_code"]
        if not re.fullmatch(r"\d{6}", code):
            raise SourceError(msg.SCRIPT_BAD_CODE.format(line=line_number, code=code))
        if code in seen:
            raise SourceError(msg.SCRIPT_DUPLICATE_CODE.format(line=line_number, code=code))
        if not row["name"] or not re.fullmatch(r"[A-Z]{2}", row["province"]):
            raise SourceError(msg.SCRIPT_BAD_ROW.format(line=line_number))
        seen.add(code)
        rows.append(row)
    if not rows:
        raise SourceError(msg.SCRIPT_EMPTY_SOURCE)
    rows.sort(key=lambda r: r["istat_code"])
    return rows


def render_csv(rows: Sequence[dict[str, str]]) -> str:
    """The compact UTF-8 CSV, with ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def source_record(
    *, rows: Sequence[dict[str, str]], raw: bytes, data_date: dt.date, obtained_from: str
) -> dict[str, object]:
    """What ``comuni-source.json`` says about the data."""
    return {
        "title": "Elenco dei comuni italiani",
        "publisher": "ISTAT - Istituto nazionale di statistica",
        "url": ISTAT_URL,
        "page": ISTAT_PAGE,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": "Fonte: ISTAT, Elenco dei comuni italiani",
        "data_date": data_date.isoformat(),
        "obtained_from": obtained_from,
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "count": len(rows),
        "columns": list(OUTPUT_COLUMNS),
        "notes": (
            "istat_code: codice alfanumerico a 6 cifre; name: denominazione in italiano; "
            "province: sigla automobilistica; province_name: denominazione dell'unità "
            "territoriale sovracomunale; region: denominazione della regione; other_name: "
            "denominazione in altra lingua, se c'è. Rigenerare con scripts/update_comuni.py."
        ),
    }


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; data files are world-readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    msg = _messages()
    parser = argparse.ArgumentParser(description=msg.SCRIPT_DESCRIPTION)
    parser.add_argument("source", type=Path, help=msg.SCRIPT_SOURCE_HELP)
    parser.add_argument(
        "--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR, help=msg.SCRIPT_OUTPUT_HELP
    )
    parser.add_argument("--data-date", type=dt.date.fromisoformat, help=msg.SCRIPT_DATE_HELP)
    parser.add_argument(
        "--obtained-from", default="ISTAT (download diretto)", help=msg.SCRIPT_OBTAINED_HELP
    )
    args = parser.parse_args(argv)
    source: Path = args.source
    try:
        raw = source.read_bytes()
    except OSError as err:
        print(msg.SCRIPT_CANNOT_READ.format(path=source, reason=err.strerror), file=sys.stderr)
        return 1
    try:
        rows = parse(decode(raw))
    except SourceError as err:
        print(f"{source}: {err}", file=sys.stderr)
        return 1
    data_date: dt.date = args.data_date or dt.date.fromtimestamp(source.stat().st_mtime)
    record = source_record(
        rows=rows, raw=raw, data_date=data_date, obtained_from=args.obtained_from
    )
    out_dir: Path = args.output_dir
    _write_atomic(out_dir / CSV_NAME, render_csv(rows))
    _write_atomic(out_dir / SOURCE_NAME, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    print(msg.SCRIPT_DONE.format(count=len(rows), path=out_dir / CSV_NAME))
    return 0


if __name__ == "__main__":
    sys.exit(main())
