"""``plan init --from``: the structure of another plan, without what belongs to its Comune."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.messages import staff as msg
from incas_cli.scaffold.draft import DraftStakeholder, DraftTable, _Steering
from incas_cli.scaffold.template import _SLUG

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, ComuneRecord
    from incas_cli.models import Plan


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
