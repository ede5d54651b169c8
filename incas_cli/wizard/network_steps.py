"""Sections about the network: stakeholders, their relations, governance and tables."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import (
    Contact,
    Governance,
    Plan,
    Relation,
    Stakeholder,
    SteeringBody,
    Table,
)
from incas_cli.wizard.core import Session, show_value, slugify, term_choices, unique_id
from incas_cli.wizard.lists import ListSpec, edit_list
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.tree import child_list, child_map, drop, keys_of, new_map

TOP = keys_of(Plan)
Item = MutableMapping[str, Any]


def suggested_engagement(power: int | None, interest: int | None) -> str | None:
    """The usual engagement for a place on the power/interest grid (4-5 counts as high)."""
    if power is None or interest is None:
        return None
    high_power, high_interest = power >= 4, interest >= 4
    if high_power and high_interest:
        return "collaborare"
    if high_power:
        return "consultare"
    if high_interest:
        return "coinvolgere"
    return "informare"


def _suggested_name(s: Session, actor_type: str) -> str:
    record = s.comune_record()
    actor = s.catalog.actor_types.get(actor_type)
    if record is not None:
        for usual in s.catalog.usual_stakeholders:
            if usual.type == actor_type:
                return usual.format_name(record)
        pattern = msg.DEFAULT_ACTOR_NAMES.get(actor_type)
        if pattern:
            return pattern.format(
                comune=record.name,
                provincia=record.province_name,
                sigla=record.province,
                regione=record.region,
            )
    return actor.label if actor is not None else ""


def _stakeholder_id(s: Session, item: Item) -> str:
    taken = [str(x.get("id")) for x in s.items("stakeholders") if x is not item]
    actor_type = str(item.get("type") or "")
    name = str(item.get("name") or "")
    record = s.comune_record()
    if record is not None:
        for usual in s.catalog.usual_stakeholders:
            if usual.type == actor_type and usual.format_name(record) == name:
                return unique_id(usual.format_id(record), taken)
    return unique_id(slugify(name) or actor_type or "attore", taken)


def _stakeholder_label(item: Item) -> str:
    return show_value(item.get("name")) or show_value(item.get("id"))


def _stakeholder_fields(s: Session, item: Item, *, suggested_name: str | None) -> None:
    actor_type = str(item.get("type") or "")
    actor = s.catalog.actor_types.get(actor_type)
    s.ask_text(item, Stakeholder, "name", msg.ASK_ACTOR_NAME, required=True, default=suggested_name)
    name = show_value(item.get("name"))
    if s.full:
        s.ask_text(
            item,
            Stakeholder,
            "role",
            msg.ASK_ACTOR_ROLE.format(name=name),
            default=actor.usual_role if actor else None,
        )
        s.ask_select(
            item,
            Stakeholder,
            "level",
            msg.ASK_ACTOR_LEVEL.format(name=name),
            [
                Choice(level.label, level.id, level.description)
                for level in s.catalog.levels.values()
            ],
            default=actor.default_level if actor else None,
        )
    elif actor is not None:
        # The role is the plan's own words: left open here, asked (with the catalogue's
        # usual role as a starting point) on the complete path.
        s.set_default(item, Stakeholder, "level", actor.default_level)
    power = s.ask_text(
        item,
        Stakeholder,
        "power",
        msg.ASK_ACTOR_POWER.format(name=name),
        instruction=msg.SCORE_HINT,
    )
    interest = s.ask_text(
        item,
        Stakeholder,
        "interest",
        msg.ASK_ACTOR_INTEREST.format(name=name),
        instruction=msg.SCORE_HINT,
    )
    engagement_choices: list[Choice[str | None]] = [
        Choice(level.label, level.id, level.description)
        for level in s.catalog.engagement_levels.values()
    ]
    engagement_choices.append(Choice(msg.UNDECIDED, None))
    s.ask_select(
        item,
        Stakeholder,
        "engagement",
        msg.ASK_ACTOR_ENGAGEMENT.format(name=name),
        engagement_choices,
        default=suggested_engagement(power, interest),
    )
    if s.full:
        s.ask_text(item, Stakeholder, "commitments", msg.ASK_ACTOR_COMMITMENTS.format(name=name))
        has_contact = isinstance(item.get("contact"), MutableMapping)
        if s.prompter.confirm(msg.ASK_ACTOR_CONTACT.format(name=name), default=has_contact):
            contact = child_map(item, "contact", keys_of(Stakeholder))
            s.ask_text(
                contact,
                Contact,
                "person",
                msg.ASK_CONTACT_PERSON,
                instruction=msg.CONTACT_PERSON_HINT,
            )
            s.ask_text(contact, Contact, "email", msg.ASK_CONTACT_EMAIL)
            s.ask_text(contact, Contact, "phone", msg.ASK_CONTACT_PHONE)
            if not contact:
                drop(item, "contact")
        else:
            drop(item, "contact")


def _type_choices(s: Session) -> list[Choice[str]]:
    return [Choice(a.label, a.id, a.description) for a in s.catalog.actor_types.values()]


def stakeholders_step(s: Session) -> None:
    """The network's actors: the Comune first, then one actor after the other."""
    items = child_list(s.data, "stakeholders", TOP)
    fresh = not items
    record = s.comune_record()
    has_comune = any(x.get("type") == "comune" for x in s.items("stakeholders"))
    if record is not None and not has_comune:
        name = _suggested_name(s, "comune")
        if s.prompter.confirm(msg.ASK_ADD_COMUNE_ACTOR.format(name=name), default=True):
            item = new_map()
            s.set(item, Stakeholder, "type", "comune")
            # The promoter: highest power and interest, collaborating (shown as defaults
            # on the complete path, set as they are on the essential one).
            s.set(item, Stakeholder, "power", 5)
            s.set(item, Stakeholder, "interest", 5)
            s.set(item, Stakeholder, "engagement", "collaborare")
            if s.full:
                _stakeholder_fields(s, item, suggested_name=name)
            else:
                s.set(item, Stakeholder, "name", name)
                s.set(item, Stakeholder, "level", s.catalog.actor_types["comune"].default_level)
            s.set(item, Stakeholder, "id", _stakeholder_id(s, item))
            items.append(item)
            s.save()

    def add_one() -> bool:
        choices: list[Choice[str | None]] = [Choice(msg.NO_MORE_ACTORS, None, searchable=False)]
        choices += _type_choices(s)
        actor_type = s.prompter.select(msg.ASK_ACTOR_TYPE, choices, default=None)
        if actor_type is None:
            return False
        item = new_map()
        s.set(item, Stakeholder, "type", actor_type)
        _stakeholder_fields(s, item, suggested_name=_suggested_name(s, actor_type))
        s.set(item, Stakeholder, "id", _stakeholder_id(s, item))
        items.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_select(item, Stakeholder, "type", msg.ASK_ACTOR_TYPE_EDIT, _type_choices(s))
        _stakeholder_fields(s, item, suggested_name=None)

    edit_list(
        s,
        items,
        ListSpec(
            menu=msg.MENU_ACTORS,
            add=msg.MENU_ADD_ACTOR,
            label=_stakeholder_label,
            add_one=add_one,
            edit_one=edit_one,
            deleted=lambda item: references(s, "stakeholder", str(item.get("id"))),
        ),
        fresh=fresh,
    )
    if not items:
        del s.data["stakeholders"]


def references(s: Session, kind: str, ref: str) -> str | None:
    """Where an actor or a need is referenced (for the warning before deleting it)."""
    places: list[str] = []
    if kind == "stakeholder":
        for measure in s.items("measures"):
            partners = measure.get("partners") or []
            if measure.get("lead") == ref or ref in partners:
                places.append(str(measure.get("id")))
        for relation in s.items("relations"):
            if ref in (relation.get("from"), relation.get("to")):
                places.append(msg.REF_RELATIONS)
                break
        gov = s.data.get("governance")
        if isinstance(gov, MutableMapping):
            body = gov.get("steering_body")
            if isinstance(body, MutableMapping) and (
                body.get("coordinator") == ref or ref in (body.get("members") or [])
            ):
                places.append(msg.REF_STEERING)
    else:
        places = [str(m.get("id")) for m in s.items("measures") if ref in (m.get("needs") or [])]
    if not places:
        return None
    return msg.STILL_REFERENCED.format(id=ref, places=", ".join(places))


# --- relations ----------------------------------------------------------------------------


def _relation_label(s: Session, item: Item) -> str:
    kind = item.get("kind")
    term = vocab.RELATION_KINDS.get(str(kind)) if kind else None
    label = msg.RELATION_LABEL.format(
        source=show_value(item.get("from")),
        target=show_value(item.get("to")),
        kind=term.label if term else show_value(kind) if kind else msg.UNDECIDED,
    )
    return f"{label}: {item['label']}" if item.get("label") else label


def relations_step(s: Session) -> None:
    """Protocols, agreements and other ties between the actors entered."""
    if len(s.items("stakeholders")) < 2:
        s.say(msg.RELATIONS_NEED_ACTORS)
        return
    items = child_list(s.data, "relations", TOP)

    def fields(item: Item) -> None:
        source = str(item.get("from"))
        targets = [c for c in s.stakeholder_choices() if c.value != source]
        s.ask_select(item, Relation, "to", msg.ASK_RELATION_TO.format(source=source), targets)
        kinds = term_choices(vocab.RELATION_KINDS, undecided=True)
        s.ask_select(item, Relation, "kind", msg.ASK_RELATION_KIND, kinds, default="protocollo")
        s.ask_text(
            item, Relation, "label", msg.ASK_RELATION_LABEL, instruction=msg.RELATION_LABEL_EXAMPLE
        )

    def add_one() -> bool:
        choices: list[Choice[str | None]] = [Choice(msg.NO_MORE_RELATIONS, None, searchable=False)]
        choices += s.stakeholder_choices()
        source = s.prompter.select(msg.ASK_RELATION_FROM, choices, default=None)
        if source is None:
            return False
        item = new_map()
        s.set(item, Relation, "from_", source)
        fields(item)
        items.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_select(item, Relation, "from_", msg.ASK_RELATION_FROM_EDIT, s.stakeholder_choices())
        fields(item)

    edit_list(
        s,
        items,
        ListSpec(
            menu=msg.MENU_RELATIONS,
            add=msg.MENU_ADD_RELATION,
            label=lambda item: _relation_label(s, item),
            add_one=add_one,
            edit_one=edit_one,
        ),
    )
    if not items:
        del s.data["relations"]


# --- governance ---------------------------------------------------------------------------


def governance_step(s: Session) -> None:
    """The steering body (name, coordinator, members, cadence) and the thematic tables."""
    gov = child_map(s.data, "governance", TOP)
    body = child_map(gov, "steering_body", keys_of(Governance))
    actors = s.stakeholder_choices()
    comune_id = next(
        (str(x.get("id")) for x in s.items("stakeholders") if x.get("type") == "comune"), None
    )
    s.ask_text(body, SteeringBody, "name", msg.ASK_STEERING_NAME, default=msg.DEFAULT_STEERING_NAME)
    if actors:
        if s.full:
            coordinators: list[Choice[str | None]] = [*actors, Choice(msg.UNDECIDED, None)]
            s.ask_select(
                body,
                SteeringBody,
                "coordinator",
                msg.ASK_STEERING_COORDINATOR,
                coordinators,
                default=comune_id,
            )
        elif comune_id is not None:
            s.set_default(body, SteeringBody, "coordinator", comune_id)
        s.ask_checkbox(
            body,
            SteeringBody,
            "members",
            msg.ASK_STEERING_MEMBERS,
            actors,
            defaults=[c.value for c in actors],
        )
    if s.full:
        s.ask_text(
            body, SteeringBody, "cadence", msg.ASK_STEERING_CADENCE, instruction=msg.CADENCE_EXAMPLE
        )
        _tables(s, gov)
    if not body:
        del gov["steering_body"]
    s.save()


def _tables(s: Session, gov: Item) -> None:
    tables = child_list(gov, "tables", keys_of(Governance))
    topics: list[Choice[str | None]] = [
        Choice(area.label, area.id, area.description) for area in s.catalog.need_areas.values()
    ]
    topics.append(Choice(msg.UNDECIDED, None))

    def fields(item: Item) -> None:
        name = show_value(item.get("name"))
        s.ask_select(item, Table, "topic", msg.ASK_TABLE_TOPIC.format(name=name), topics)
        actors = s.stakeholder_choices()
        if actors:
            s.ask_checkbox(item, Table, "members", msg.ASK_TABLE_MEMBERS.format(name=name), actors)

    def add_one() -> bool:
        item = new_map()
        if (
            s.ask_text(
                item,
                Table,
                "name",
                msg.ASK_TABLE_NAME,
                instruction=msg.TABLE_EXAMPLE,
                skip=msg.ENTER_TO_FINISH,
            )
            is None
        ):
            return False
        fields(item)
        tables.append(item)
        return True

    def edit_one(item: Item) -> None:
        s.ask_text(item, Table, "name", msg.ASK_TABLE_NAME_EDIT, required=True)
        fields(item)

    edit_list(
        s,
        tables,
        ListSpec(
            menu=msg.MENU_TABLES,
            add=msg.MENU_ADD_TABLE,
            label=lambda item: show_value(item.get("name")),
            add_one=add_one,
            edit_one=edit_one,
            save_each=False,
        ),
    )
    if not tables:
        del gov["tables"]
