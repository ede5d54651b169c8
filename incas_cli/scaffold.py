"""``plan init``: a pre-filled, commented draft plan for one Comune. Never prints.

The draft is written from ``templates/plan-init.yaml.j2``, so the guidance comments are
part of the text; every value reaches the template as data and is written as a YAML
scalar by :func:`yaml_scalar` (through :func:`incas_cli.io.dump_yaml`, the only home of
YAML). The result is parsed and checked (draft level) before anyone writes it: a draft
that would not pass ``incas plan validate`` is never produced.

With a source plan (``--from``) the draft takes its *structure*: stakeholder types, ids
and levels, the governance and the thematic tables. What belongs to the old Comune stays
behind: contacts, needs, measures, relations, meetings, partner Comuni, and names (of
stakeholders, steering body, tables) that mention the old Comune, its province or its
region; ids that carry the old province or Comune are translated to the new ones.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from incas_cli.errors import IncasError, InputError, UsageError
from incas_cli.messages import staff as msg

if TYPE_CHECKING:
    from jinja2 import Environment

    from incas_cli.catalog import Catalog, ComuneRecord, ComuniIndex
    from incas_cli.models import Plan, YearMonth

__all__ = [
    "SCHEMA_FILE",
    "Draft",
    "DraftStakeholder",
    "DraftTable",
    "SchemaState",
    "build_draft",
    "check_target",
    "ensure_schema",
    "load_source",
    "parse_period",
    "resolve_comune",
    "yaml_flow_list",
    "yaml_scalar",
]

SCHEMA_FILE = "plan.schema.json"
"""The JSON Schema beside the plan, named in the draft's ``yaml-language-server`` line."""

TEMPLATE = "plan-init.yaml.j2"

_CODE = re.compile(r"^\d{1,6}$")
_WITH_PROVINCE = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<sigla>[A-Za-z]{2})\s*\)$")
_PERIOD = re.compile(r"^\s*(?P<start>[^:/\s]+)\s*[:/]\s*(?P<end>[^:/\s]+)\s*$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SUGGESTIONS = 3


# --- the Comune and the period ------------------------------------------------------------


def resolve_comune(text: str, comuni: ComuniIndex | None = None) -> ComuneRecord:
    """The Comune a user means by a name, ``Nome (SIGLA)`` or an ISTAT code.

    Unknown -> ``UsageError`` with "forse intendevi ..." suggestions; a name shared by
    Comuni of different provinces -> ``UsageError`` asking for the ISTAT code.
    """
    if comuni is None:
        from incas_cli.catalog import load_comuni

        comuni = load_comuni()
    text = " ".join(text.split())
    if not text:
        raise UsageError(msg.COMUNE_EMPTY, hint=msg.COMUNE_EMPTY_HINT)
    if _CODE.match(text):
        code = text.zfill(6)
        record = comuni.by_code(code)
        if record is None:
            raise UsageError(
                msg.UNKNOWN_COMUNE_CODE.format(text=code),
                hint=_suggestion_hint(comuni.suggest(code, _SUGGESTIONS)),
            )
        return record
    sigla = None
    name = text
    match = _WITH_PROVINCE.match(text)
    if match:
        name, sigla = match["name"], match["sigla"].upper()
    found = comuni.by_name(name)
    if sigla is not None and found:
        in_province = [r for r in found if r.province == sigla]
        if not in_province:
            raise UsageError(
                msg.COMUNE_IN_OTHER_PROVINCE.format(name=name, province=sigla),
                hint=_suggestion_hint(found),
            )
        found = in_province
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UsageError(
            msg.AMBIGUOUS_COMUNE.format(
                text=name,
                choices=msg.OR.join(
                    msg.COMUNE_CHOICE.format(
                        name=r.name, province=r.province, region=r.region, code=r.istat_code
                    )
                    for r in found
                ),
            ),
            hint=msg.AMBIGUOUS_COMUNE_HINT.format(
                code=found[0].istat_code, example=f"{found[0].name} ({found[0].province})"
            ),
        )
    raise UsageError(
        msg.UNKNOWN_COMUNE.format(text=name),
        hint=_suggestion_hint(comuni.suggest(name, _SUGGESTIONS)),
    )


def _suggestion_hint(records: Sequence[ComuneRecord]) -> str:
    if not records:
        return msg.UNKNOWN_COMUNE_NO_SUGGESTION_HINT
    shown = msg.OR.join(
        msg.SUGGESTION.format(name=r.name, province=r.province, code=r.istat_code) for r in records
    )
    return msg.UNKNOWN_COMUNE_HINT.format(suggestions=shown)


def parse_period(text: str) -> tuple[YearMonth, YearMonth]:
    """``"2025-01:2027-12"`` -> ``("2025-01", "2027-12")``; ``UsageError`` otherwise."""
    from incas_cli.models.month import as_month

    match = _PERIOD.match(text)
    start = as_month(match["start"]) if match else None
    end = as_month(match["end"]) if match else None
    if start is None or end is None:
        raise UsageError(msg.BAD_PERIOD.format(text=text), hint=msg.BAD_PERIOD_HINT)
    if end < start:
        raise UsageError(
            msg.PERIOD_REVERSED.format(start=start, end=end),
            hint=msg.PERIOD_REVERSED_HINT.format(start=start, end=end),
        )
    return start, end


def check_target(path: Path, *, force: bool) -> None:
    """Refuse early (before any work) a target that is not a plan file name or exists."""
    from incas_cli.errors import OutputExistsError
    from incas_cli.messages import io as io_msg

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(
            msg.NOT_A_PLAN_NAME,
            hint=msg.NOT_A_PLAN_NAME_HINT.format(suggestion=path.with_suffix(".yaml").name),
            file=str(path),
        )
    if not force and (path.exists() or path.is_symlink()):
        raise OutputExistsError(
            io_msg.OUTPUT_EXISTS, hint=io_msg.OUTPUT_EXISTS_HINT, file=str(path)
        )


def load_source(path: Path) -> Plan:
    """The plan whose structure ``--from`` copies; it must at least have a valid structure."""
    from incas_cli.checks import check_document
    from incas_cli.io import load_yaml

    result = check_document(load_yaml(path))
    if result.plan is None:
        first = result.errors[0]
        where = f"{first.file}:{first.line}:{first.column}"
        shown = (
            f"{where} {first.path}: {first.message}" if first.path else f"{where} {first.message}"
        )
        raise InputError(
            msg.SOURCE_INVALID.format(first=shown),
            hint=msg.SOURCE_INVALID_HINT.format(path=path),
            file=str(path),
        )
    return result.plan


# --- YAML values for the template --------------------------------------------------------


def yaml_scalar(value: object) -> str:
    """One value as a YAML scalar on one line: plain where safe, quoted where needed.

    ``None`` is the empty string (an empty value: an open field). Line breaks are folded
    to spaces, so a value can never open a new key or a block.
    """
    from incas_cli.io import dump_yaml

    if value is None:
        return ""
    if isinstance(value, str):
        value = " ".join(value.split())
    text = dump_yaml({"v": value})
    if not text.startswith("v: ") or text.count("\n") != 1:
        raise ValueError(f"not a one-line scalar: {value!r}")
    return text[3:].rstrip("\n")


def yaml_flow_list(values: Iterable[object]) -> str:
    """``[comune, prefettura-cn]``: slugs plain, anything else double-quoted (JSON)."""
    items = []
    for value in values:
        text = str(value)
        items.append(text if _SLUG.match(text) else json.dumps(text, ensure_ascii=False))
    return "[" + ", ".join(items) + "]"


def _comment(value: object) -> str:
    """Text inside a ``#`` comment: one line."""
    return " ".join(str(value).split())


def _load_template(name: str) -> str:
    from incas_cli.resources import template_file

    return template_file(name).read_text(encoding="utf-8")


@functools.cache
def _environment() -> Environment:
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    env = Environment(
        loader=FunctionLoader(_load_template),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["y"] = yaml_scalar
    env.filters["flow"] = yaml_flow_list
    env.filters["c"] = _comment
    return env


# --- the draft ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftStakeholder:
    id: str
    name: str
    type: str
    type_label: str
    level: str | None
    role: str | None


@dataclass(frozen=True)
class DraftTable:
    name: str
    topic: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """A draft plan ready to write: its text and what it holds."""

    comune: ComuneRecord
    text: str
    stakeholders: tuple[DraftStakeholder, ...]
    tables: tuple[DraftTable, ...]
    open_fields: int
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Steering:
    name: str
    coordinator: str
    members: tuple[str, ...]
    cadence: str | None = None


def build_draft(
    comune: ComuneRecord,
    *,
    period: tuple[str, str] | None = None,
    source: Plan | None = None,
    source_name: str | None = None,
    file_name: str = "piano.yaml",
    schema_ref: str = SCHEMA_FILE,
    catalog: Catalog | None = None,
) -> Draft:
    """The text of a valid draft for ``comune`` (checked here before it is returned)."""
    from incas_cli.checks import check_document
    from incas_cli.io import parse_yaml
    from incas_cli.models import vocab

    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    if source is None:
        stakeholders, steering, tables = _usual_structure(comune, catalog)
        national_plan = catalog.default_national_plan
    else:
        stakeholders, steering, tables = _copied_structure(source, comune, catalog)
        national_plan = source.plan.national_plan
    context: dict[str, Any] = {
        "schema_ref": schema_ref,
        "file_name": file_name,
        "source": source_name,
        "comune": comune,
        "national_plan": national_plan,
        "title": msg.DRAFT_TITLE.format(comune=comune.name),
        "period_start": period[0] if period else None,
        "period_end": period[1] if period else None,
        "stakeholders": stakeholders,
        "steering": steering,
        "tables": tables,
        "statuses": vocab.PLAN_STATUSES,
        "organs": vocab.ADOPTION_ORGANS,
        "relation_kinds": vocab.RELATION_KINDS,
        "indicator_kinds": vocab.INDICATOR_KINDS,
        "engagements": vocab.ENGAGEMENT_LEVELS,
        "levels": vocab.LEVELS,
        "need_areas": list(catalog.need_areas),
    }
    text = _environment().get_template(TEMPLATE).render(**context)
    doc = parse_yaml(text, file_name)
    result = check_document(doc, catalog=catalog)
    if result.plan is None or not result.ok:
        # Sources are cleaned of what cannot resolve (unknown types, topics, members), so
        # this is a bug in the template or in this module, never a user's mistake.
        raise RuntimeError(
            "plan init produced an invalid draft: "
            + "; ".join(f"{f.code} {f.path}" for f in result.errors)
        )
    from incas_cli.checks import open_fields

    return Draft(
        comune=comune,
        text=text,
        stakeholders=tuple(stakeholders),
        tables=tuple(tables),
        open_fields=len(open_fields(result.plan)),
        warnings=tuple(f.message for f in result.warnings),
    )


def _usual_structure(
    comune: ComuneRecord, catalog: Catalog
) -> tuple[list[DraftStakeholder], _Steering, list[DraftTable]]:
    stakeholders = [
        DraftStakeholder(
            id=s.id,
            name=s.name,
            type=s.type,
            type_label=catalog.actor_types[s.type].label,
            level=s.level,
            role=s.role,
        )
        for s in catalog.usual_stakeholders_for(comune)
    ]
    ids = [s.id for s in stakeholders]
    coordinator = next((s.id for s in stakeholders if s.type == "comune"), ids[0])
    steering = _Steering(msg.DEFAULT_STEERING_NAME, coordinator, tuple(ids))
    return stakeholders, steering, []


# --- copying the structure of another plan ------------------------------------------------


@dataclass(frozen=True)
class _Territory:
    """What names and ids of one Comune's plan may mention."""

    comune: str
    province: str | None  # sigla
    province_name: str | None
    region: str | None
    partners: tuple[str, ...] = ()


def _territory_of(plan: Plan) -> _Territory:
    from incas_cli.catalog import load_comuni

    c = plan.comune
    comuni = load_comuni()
    record = comuni.by_code(c.istat_code) if c.istat_code else None
    if record is None:
        named = comuni.by_name(c.name)
        record = named[0] if len(named) == 1 else None
    return _Territory(
        comune=c.name,
        province=c.province or (record.province if record else None),
        province_name=record.province_name if record else None,
        region=c.region or (record.region if record else None),
        partners=tuple(p.name for p in c.partners),
    )


def _territory_of_record(record: ComuneRecord) -> _Territory:
    return _Territory(record.name, record.province, record.province_name, record.region)


def _slug(text: str) -> str:
    from incas_cli.catalog import normalize_name

    return normalize_name(text).replace(" ", "-")


def _mentions(text: str, place: str) -> bool:
    """Whether ``text`` names ``place`` or a word made from it (Saluzzo -> Saluzzese)."""
    from incas_cli.catalog import normalize_name

    key = normalize_name(place)
    words = normalize_name(text)
    if not key:
        return False
    if " " in key:
        return f" {key} " in f" {words} " or (len(key) >= 5 and f" {key[:-1]}" in f" {words}")
    stem = key[:-1] if len(key) >= 5 else None
    return any(w == key or (stem is not None and w.startswith(stem)) for w in words.split())


def _tied_terms(old: _Territory, new: _Territory) -> tuple[list[str], str | None]:
    """Places of the old territory that the new one does not share, and the old sigla."""
    places: list[str] = []
    if _slug(old.comune) != _slug(new.comune):
        places.append(old.comune)
        places.extend(p for p in old.partners if _slug(p) != _slug(new.comune))
    if old.province_name and old.province != new.province:
        places.append(old.province_name)
    if old.region and _slug(old.region) != _slug(new.region or ""):
        places.append(old.region)
    sigla = old.province if old.province and old.province != new.province else None
    return places, sigla


def _is_tied(name: str, places: Sequence[str], sigla: str | None) -> bool:
    if any(_mentions(name, place) for place in places):
        return True
    return sigla is not None and re.search(rf"\b{re.escape(sigla)}\w*", name) is not None


_PREPOSITION = (
    r"(?:\b(?:di|del|della|dello|dei|degli|delle|in|nel|nella|a|al|per)\s+|\bdell'|\bnell')?"
)


def _place_pattern(place: str) -> str:
    words = place.split()
    if len(words) == 1 and len(place) >= 5:
        body = re.escape(place[:-1]) + r"\w*"  # Saluzzo, Saluzzese
    else:
        body = r"\s+".join(re.escape(w) for w in words) + r"\b"
    return _PREPOSITION + r"\b" + body


def _without_places(name: str, places: Sequence[str], sigla: str | None) -> str:
    """The name without the old places: ``Coldiretti Cuneo`` -> ``Coldiretti``."""
    text = name
    for place in sorted(places, key=len, reverse=True):
        text = re.sub(_place_pattern(place), " ", text, flags=re.IGNORECASE)
    if sigla is not None:
        text = re.sub(_PREPOSITION + rf"\b{re.escape(sigla)}\w*", " ", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", " ".join(text.split()))
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"(\s*-\s*)+$|^(\s*-\s*)+", "", text)
    text = re.sub(r"\s+-\s+-\s+", " - ", text)
    return text.strip(" ,;:-")


def _neutral_name(name: str, places: Sequence[str], sigla: str | None, fallback: str) -> str:
    """A name that no longer mentions the old territory, marked to be checked."""
    if not _is_tied(name, places, sigla):
        return name
    rest = _without_places(name, places, sigla)
    if len(rest) < 3 or _is_tied(rest, places, sigla):
        return fallback
    return msg.TO_VERIFY.format(name=rest)


def _translate_id(stakeholder_id: str, old: _Territory, new: _Territory) -> str:
    """``prefettura-cn`` -> ``prefettura-sr``; ``caritas-saluzzo`` -> ``caritas-siracusa``."""
    tokens = stakeholder_id.split("-")
    swaps: list[tuple[list[str], list[str]]] = []
    for before, after in (
        (old.comune, new.comune),
        (old.province_name, new.province_name),
        (old.region, new.region),
    ):
        if before and after and _slug(before) != _slug(after):
            swaps.append((_slug(before).split("-"), _slug(after).split("-")))
    for before_tokens, after_tokens in swaps:
        tokens = _replace_run(tokens, before_tokens, after_tokens)
    if old.province and new.province and old.province != new.province:
        old_sigla, new_sigla = old.province.lower(), new.province.lower()
        tokens = [
            new_sigla + t[len(old_sigla) :]
            if t == old_sigla or (t.startswith(old_sigla) and t[len(old_sigla) :].isdigit())
            else t
            for t in tokens
        ]
    translated = "-".join(tokens)
    return translated if _SLUG.match(translated) and len(translated) <= 64 else stakeholder_id


def _replace_run(tokens: list[str], before: list[str], after: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if before and tokens[i : i + len(before)] == before:
            out.extend(after)
            i += len(before)
        else:
            out.append(tokens[i])
            i += 1
    return out


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


def _copied_structure(
    source: Plan, comune: ComuneRecord, catalog: Catalog
) -> tuple[list[DraftStakeholder], _Steering, list[DraftTable]]:
    from incas_cli.catalog import load_comuni

    old = _territory_of(source)
    new = _territory_of_record(comune)
    places, sigla = _tied_terms(old, new)
    old_record = load_comuni().by_code(source.comune.istat_code or "")
    usual_new = {u.id: u for u in catalog.usual_stakeholders_for(comune)}
    usual_by_old_id = (
        {
            (u.type, u.format_id(old_record)): (u.format_id(comune), u.format_name(comune))
            for u in catalog.usual_stakeholders
        }
        if old_record is not None
        else {}
    )
    own = _own_comune(source)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    stakeholders: list[DraftStakeholder] = []
    for s in source.stakeholders:
        stype = s.type if s.type in catalog.actor_types else "altro"
        if s.type == "comune" and s.id != own:
            continue  # a partner Comune of the old plan: partners are not copied
        usual = usual_by_old_id.get((s.type or "", s.id))
        if s.id == own:
            comune_usual = next((u for u in usual_new.values() if u.type == "comune"), None)
            new_id = comune_usual.id if comune_usual else "comune"
            name = comune_usual.name if comune_usual else msg.COMUNE_NAME.format(comune=comune.name)
        elif usual is not None:
            new_id, name = usual
        else:
            new_id = _translate_id(s.id, old, new)
            name = _neutral_name(
                s.name,
                places,
                sigla,
                msg.TO_IDENTIFY.format(label=catalog.actor_types[stype].label),
            )
        new_id = _unique(new_id, taken)
        taken.add(new_id)
        mapping[s.id] = new_id
        actor = catalog.actor_types[stype]
        stakeholders.append(
            DraftStakeholder(
                id=new_id,
                name=name,
                type=stype,
                type_label=actor.label,
                level=s.level,
                role=actor.usual_role,
            )
        )
    if not any(s.type == "comune" for s in stakeholders):
        first = next(u for u in catalog.usual_stakeholders_for(comune) if u.type == "comune")
        new_id = _unique(first.id, taken)
        stakeholders.insert(
            0,
            DraftStakeholder(
                new_id,
                first.name,
                "comune",
                catalog.actor_types["comune"].label,
                first.level,
                first.role,
            ),
        )
    comune_id = next(s.id for s in stakeholders if s.type == "comune")

    def members(ids: Iterable[str]) -> tuple[str, ...]:
        out: list[str] = []
        for ref in ids:
            mapped = mapping.get(ref)
            if mapped is not None and mapped not in out:
                out.append(mapped)
        return tuple(out)

    body = source.governance.steering_body if source.governance else None
    name = msg.DEFAULT_STEERING_NAME
    if body and body.name:
        name = _neutral_name(body.name, places, sigla, msg.DEFAULT_STEERING_NAME)
    coordinator = mapping.get(body.coordinator or "", comune_id) if body else comune_id
    body_members = members(body.members) if body else ()
    if not body_members:
        body_members = tuple(s.id for s in stakeholders)
    if coordinator not in body_members:
        body_members = (coordinator, *body_members)
    steering = _Steering(name, coordinator, body_members, body.cadence if body else None)

    tables: list[DraftTable] = []
    for t in source.governance.tables if source.governance else []:
        area = catalog.need_areas.get(t.topic or "")
        fallback = msg.TABLE_NAME.format(label=area.label) if area else msg.TABLE_TO_IDENTIFY
        table_name = _neutral_name(t.name, places, sigla, fallback)
        topic = t.topic if t.topic in catalog.need_areas else None
        tables.append(DraftTable(table_name, topic, members(t.members)))
    return stakeholders, steering, tables


def _own_comune(plan: Plan) -> str | None:
    """The id of the plan's own Comune among its stakeholders (not a partner Comune)."""
    from incas_cli.catalog import normalize_name

    comuni = [s for s in plan.stakeholders if s.type == "comune"]
    if not comuni:
        return None
    own_name = normalize_name(plan.comune.name)
    for s in comuni:
        if s.id == "comune" or normalize_name(s.name).endswith(own_name):
            return s.id
    return comuni[0].id


# --- the JSON Schema beside the plan ------------------------------------------------------


SchemaState = Literal["written", "current", "different", "failed"]


def ensure_schema(folder: Path) -> tuple[Path, SchemaState]:
    """Write ``plan.schema.json`` in ``folder`` unless it is there already.

    An existing file is never overwritten: ``"current"`` if it is this version's schema,
    ``"different"`` if not (the caller says how to refresh it). ``"failed"``: it could not
    be written (the plan is fine without it; editors just lose completion).
    """
    from incas_cli.io import atomic_write_text
    from incas_cli.schema import schema_json

    path = folder / SCHEMA_FILE
    text = schema_json() + "\n"
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        try:
            atomic_write_text(path, text)
        except IncasError:
            return path, "failed"
        return path, "written"
    except (OSError, UnicodeDecodeError):
        return path, "different"
    return path, "current" if current == text else "different"
