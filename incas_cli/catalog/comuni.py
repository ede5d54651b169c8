"""ISTAT's list of Comuni: lookups by code and by name, suggestions, autocomplete.

The packaged ``data/comuni.csv`` is regenerated from ISTAT's "Elenco comuni italiani"
by ``scripts/update_comuni.py``; ``data/comuni-source.json`` says which release it is.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import difflib
import functools
import io
import json
import re
from collections.abc import Iterable, Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

from incas_cli.catalog.loader import data_root
from incas_cli.catalog.model import ComuneRecord, Source
from incas_cli.catalog.names import normalize_name
from incas_cli.errors import InputError
from incas_cli.messages import catalog as msg

COMUNI_FILE = "comuni.csv"
COMUNI_SOURCE_FILE = "comuni-source.json"
COLUMNS = ("istat_code", "name", "province", "province_name", "region", "other_name")
_CODE = re.compile(r"^\d{6}$")
_SIGLA = re.compile(r"^[A-Z]{2}$")
#: How similar (difflib ratio) a name must be to be suggested.
NAME_CUTOFF = 0.6
#: Added to the similarity of names that start with the text (or have a word that does).
PREFIX_BONUS = 0.25
#: How many typos (wrong digit, swapped neighbours) a suggested code may be away.
MAX_CODE_TYPOS = 2


Row = tuple[str, str, str, str, str, str | None]
"""istat_code, name, province, province_name, region, other_name."""


class ComuniIndex:
    """All Comuni, indexed by ISTAT code and by normalised name.

    Rows are kept as tuples and turned into (validated) :class:`ComuneRecord` objects
    only when a lookup returns them: building 8,000 models up front would cost more
    than everything else.
    """

    def __init__(self, rows: Iterable[Row]) -> None:
        self._rows: list[Row] = sorted(rows)
        self._codes = [row[0] for row in self._rows]
        self._by_code = {code: i for i, code in enumerate(self._codes)}
        self._records: dict[int, ComuneRecord] = {}
        self._by_key: dict[str, list[int]] = {}
        self._by_compact: dict[str, list[int]] = {}
        for i, (_, name, _, _, _, other_name) in enumerate(self._rows):
            names = [name] if other_name is None else [name, other_name, f"{name}/{other_name}"]
            for each in names:
                key = normalize_name(each)
                _add(self._by_key, key, i)
                _add(self._by_compact, key.replace(" ", ""), i)
        self._keys = sorted(self._by_key)

    @classmethod
    def from_records(cls, records: Iterable[ComuneRecord]) -> ComuniIndex:
        """An index over these records (e.g. a small list in a test)."""
        return cls(
            (r.istat_code, r.name, r.province, r.province_name, r.region, r.other_name)
            for r in records
        )

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[ComuneRecord]:
        return (self._record(i) for i in range(len(self._rows)))

    def _record(self, i: int) -> ComuneRecord:
        record = self._records.get(i)
        if record is None:
            code, name, province, province_name, region, other_name = self._rows[i]
            record = ComuneRecord(
                istat_code=code,
                name=name,
                province=province,
                province_name=province_name,
                region=region,
                other_name=other_name,
            )
            self._records[i] = record
        return record

    def _many(self, indices: Iterable[int]) -> list[ComuneRecord]:
        seen: set[int] = set()
        out = []
        for i in indices:
            if i not in seen:
                seen.add(i)
                out.append(self._record(i))
        return out

    def by_code(self, code: str) -> ComuneRecord | None:
        """The Comune with this six-digit ISTAT code (e.g. ``"004203"``), or ``None``."""
        i = self._by_code.get(code.strip())
        return None if i is None else self._record(i)

    def by_name(self, name: str) -> list[ComuneRecord]:
        """Every Comune with this name, by code (a few names exist in two regions).

        Case, accents, apostrophes and hyphens are ignored: ``"sant'antioco"``,
        ``"Sant’Antioco"`` and ``"SANT ANTIOCO"`` all find Sant'Antioco; the name in the
        other official language (``Bozen``) and the bilingual one (``Bolzano/Bozen``) work too.
        """
        return self._many(self._find_name(name))

    def _find_name(self, name: str) -> list[int]:
        key = normalize_name(name)
        found = self._by_key.get(key)
        if found is None:
            found = self._by_compact.get(key.replace(" ", ""), [])
        return sorted(found)

    def by_province(self, province: str) -> list[ComuneRecord]:
        """The Comuni of a province, by its abbreviation (``CN``), in code order."""
        sigla = province.strip().upper()
        return self._many(i for i, row in enumerate(self._rows) if row[2] == sigla)

    def provinces(self) -> dict[str, str]:
        """Abbreviation -> province name, sorted by abbreviation."""
        return dict(sorted({row[2]: row[3] for row in self._rows}.items()))

    def suggest(self, text: str, limit: int = 3, *, name: str | None = None) -> list[ComuneRecord]:
        """What the user probably meant, best first (for "did you mean" hints).

        For a name: the closest names (difflib on normalised names; names that start
        with the text rank higher). For a six-digit code that does not exist: the Comuni
        named ``name`` (if given, e.g. the ``comune.name`` beside a wrong ``istat_code``),
        then the codes of the same province one or two typos away (a wrong digit, two
        neighbouring digits swapped), nearest first. An existing code suggests its Comune.
        """
        if limit <= 0:
            return []
        text = text.strip()
        if not _CODE.match(text):
            return self._many(self._close_names(text, limit))[:limit]
        ranked: list[int] = self._find_name(name) if name else []
        found = self._by_code.get(text)
        if found is not None:
            ranked.append(found)
        else:
            ranked += self._close_codes(text)
        return self._many(ranked)[:limit]

    def search(self, prefix: str, limit: int = 10) -> list[ComuneRecord]:
        """Autocomplete: names starting with the text, then names with a word starting so.

        An exact name comes first; digits search the codes instead.
        """
        if limit <= 0:
            return []
        text = prefix.strip()
        if text.isdigit():
            start = bisect.bisect_left(self._codes, text)
            end = bisect.bisect_left(self._codes, text + "\uffff", lo=start)
            return self._many(range(start, min(end, start + limit)))
        return self._many(self._search_names(normalize_name(text), limit))[:limit]

    def _search_names(self, key: str, limit: int) -> list[int]:
        if not key:
            return []
        ranked: list[int] = list(self._by_key.get(key, []))
        start = bisect.bisect_left(self._keys, key)
        for candidate in self._keys[start:]:
            if not candidate.startswith(key) or len(ranked) >= limit * 2:
                break
            ranked.extend(self._by_key[candidate])
        if len(set(ranked)) < limit:
            inner = " " + key
            ranked.extend(
                i
                for candidate in self._keys
                if inner in " " + candidate and not candidate.startswith(key)
                for i in self._by_key[candidate]
            )
        return ranked

    def _close_names(self, text: str, limit: int) -> list[int]:
        key = normalize_name(text)
        if not key:
            return []
        candidates = set(
            difflib.get_close_matches(key, self._keys, n=limit * 3, cutoff=NAME_CUTOFF)
        )
        candidates.update(normalize_name(self._rows[i][1]) for i in self._search_names(key, limit))
        scored = []
        for candidate in candidates:
            if candidate not in self._by_key:
                continue
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            if candidate.startswith(key) or (" " + key) in (" " + candidate):
                ratio += PREFIX_BONUS
            scored.append((-ratio, candidate))
        scored.sort()
        return [i for _, candidate in scored for i in self._by_key[candidate]]

    def _close_codes(self, code: str) -> list[int]:
        lo = bisect.bisect_left(self._codes, code[:3])
        hi = bisect.bisect_left(self._codes, code[:3] + "\uffff", lo=lo)
        # Same province if it exists, else every code.
        start, end, skip = (lo, hi, 3) if hi > lo else (0, len(self._codes), 0)
        scored = []
        for i in range(start, end):
            other = self._codes[i]
            distance = _edit_distance(code[skip:], other[skip:])
            if distance <= MAX_CODE_TYPOS:
                scored.append((distance, abs(int(code) - int(other)), i))
        scored.sort()
        return [i for _, _, i in scored]


def _add(index: dict[str, list[int]], key: str, i: int) -> None:
    bucket = index.setdefault(key, [])
    if i not in bucket:
        bucket.append(i)


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: a swap of two neighbouring digits costs 1."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


@functools.cache
def load_comuni() -> ComuniIndex:
    """The packaged list of Comuni, read once per process."""
    return load_comuni_from(data_root() / COMUNI_FILE)


def load_comuni_from(path: Path | Traversable) -> ComuniIndex:
    """A list of Comuni from a compact CSV as written by ``scripts/update_comuni.py``.

    The file's shape is checked here (columns, codes, sigle); each row becomes a
    validated :class:`ComuneRecord` when a lookup first returns it.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise InputError(msg.COMUNI_UNREADABLE.format(file=path, reason=reason)) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise InputError(
            msg.COMUNI_INVALID.format(file=path, line=1, reason=", ".join(COLUMNS)),
            file=str(path),
            line=1,
        )
    rows: list[Row] = []
    for line, row in enumerate(reader, start=2):
        if (
            len(row) != len(COLUMNS)
            or not _CODE.match(row[0])
            or not _SIGLA.match(row[2])
            or not all(row[1:5])
        ):
            raise InputError(
                msg.COMUNI_INVALID.format(file=path, line=line, reason=",".join(row)),
                file=str(path),
                line=line,
            )
        rows.append((row[0], row[1], row[2], row[3], row[4], row[5] or None))
    return ComuniIndex(rows)


class ComuniSource(Source):
    """Where the packaged list of Comuni comes from (``comuni-source.json``)."""

    page: str | None = None
    licence: str
    licence_url: str | None = None
    attribution: str
    data_date: str
    obtained_from: str
    source_sha256: str
    count: int
    columns: tuple[str, ...]
    notes: str | None = None

    @property
    def data_day(self) -> dt.date:
        """The day ISTAT's list is as of (``data_date``): a Comune created or merged later
        is not in it."""
        return dt.date.fromisoformat(self.data_date)


@functools.cache
def comuni_source() -> ComuniSource:
    """Source, date and licence (ISTAT, CC BY 4.0) of the packaged list of Comuni."""
    path = data_root() / COMUNI_SOURCE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ComuniSource.model_validate(data)
    except (OSError, ValueError) as err:
        raise InputError(msg.COMUNI_UNREADABLE.format(file=path, reason=err)) from None
