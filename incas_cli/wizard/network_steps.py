"""Sections about the network: stakeholders, their relations, governance and tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from incas_cli.catalog import ActorType
from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import (
    Contact,
    Plan,
    Relation,
    Stakeholder,
)
from incas_cli.wizard.core import Session, show_value, slugify, term_choices, unique_id
from incas_cli.wizard.form import Field, run_fields
from incas_cli.wizard.lists import FIX, ListSpec, Opening, ask_opener, edit_list
from incas_cli.wizard.prompter import Choice, GoBack
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


def _stakeholder_fields(s: Session, item: Item, suggested_name: str | None) -> list[Field]:
    """An actor's form: its type (asked by the opener for a new one), name, role..."""

    def actor_type() -> str:
        return str(item.get("type") or "")

    def actor() -> ActorType | None:
        return s.catalog.actor_types.get(actor_type())

    def name() -> str:
        return show_value(item.get("name"))

    def ask_type() -> None:
        s.ask_select(item, Stakeholder, "type", msg.ASK_ACTOR_TYPE_EDIT, _type_choices(s))

    def ask_name() -> None:
        s.ask_text(
            item, Stakeholder, "name", msg.ASK_ACTOR_NAME, required=True, default=suggested_name
        )

    def ask_role() -> None:
        if s.full:
            usual = actor()
            s.ask_text(
                item,
                Stakeholder,
                "role",
                msg.ASK_ACTOR_ROLE.format(name=name()),
                default=usual.usual_role if usual else None,
            )

    def ask_level() -> None:
        usual = actor()
        if s.full:
            s.ask_select(
                item,
                Stakeholder,
                "level",
                msg.ASK_ACTOR_LEVEL.format(name=name()),
                [
                    Choice(level.label, level.id, level.description)
                    for level in s.catalog.levels.values()
                ],
                default=usual.default_level if usual else None,
            )
        elif usual is not None:
            # The role is the plan's own words: left open here, asked (with the catalogue's
            # usual role as a starting point) on the complete path.
            s.set_default(item, Stakeholder, "level", usual.default_level)

    def ask_score(field: str, question: str) -> Callable[[], None]:
        def ask() -> None:
            s.ask_text(
                item,
                Stakeholder,
                field,
                question.format(name=name()),
                instruction=msg.SCORE_HINT,
            )

        return ask

    def ask_engagement() -> None:
        choices: list[Choice[str | None]] = [
            Choice(level.label, level.id, level.description)
            for level in s.catalog.engagement_levels.values()
        ]
        choices.append(Choice(msg.UNDECIDED, None))
        s.ask_select(
            item,
            Stakeholder,
            "engagement",
            msg.ASK_ACTOR_ENGAGEMENT.format(name=name()),
            choices,
            default=suggested_engagement(_int(item.get("power")), _int(item.get("interest"))),
        )

    def ask_commitments() -> None:
        if s.full:
            s.ask_text(
                item, Stakeholder, "commitments", msg.ASK_ACTOR_COMMITMENTS.format(name=name())
            )

    def ask_contact() -> None:
        if not s.full:
            return
        has_contact = isinstance(item.get("contact"), MutableMapping)
        if s.prompter.confirm(msg.ASK_ACTOR_CONTACT.format(name=name()), default=has_contact):
            contact = child_map(item, "contact", keys_of(Stakeholder))
            s.ask_text(
                contact,
                Contact,
                "person",
                msg.ASK_CONTACT_PERSON,
                instruction=msg.CONTACT_PERSON_HINT,
            )
            s.ask_text(contact, Contact, "email", msg.ASK_CONTACT_EMAIL, extra=email_error)
            s.ask_text(contact, Contact, "phone", msg.ASK_CONTACT_PHONE)
            if not contact:
                drop(item, "contact")
        else:
            drop(item, "contact")

    def shown_type() -> str:
        usual = actor()
        return usual.label if usual is not None else actor_type()

    def shown_term(key: str, terms: Mapping[str, Any]) -> Callable[[], str]:
        def shown() -> str:
            value = item.get(key)
            term = terms.get(str(value)) if value is not None else None
            return str(term.label) if term is not None else show_value(value)

        return shown

    def shown_contact() -> str:
        contact = item.get("contact")
        if not isinstance(contact, MutableMapping):
            return ""
        return msg.LIST_SEPARATOR.join(show_value(v) for v in contact.values() if v)

    return [
        Field(msg.FIELD_TYPE, ask_type, shown_type),
        Field(msg.FIELD_NAME, ask_name, name),
        Field(msg.FIELD_ROLE, ask_role, _shown(item, "role")),
        Field(msg.FIELD_LEVEL, ask_level, shown_term("level", s.catalog.levels)),
        Field(msg.FIELD_POWER, ask_score("power", msg.ASK_ACTOR_POWER), _shown(item, "power")),
        Field(
            msg.FIELD_INTEREST,
            ask_score("interest", msg.ASK_ACTOR_INTEREST),
            _shown(item, "interest"),
        ),
        Field(
            msg.FIELD_ENGAGEMENT,
            ask_engagement,
            shown_term("engagement", s.catalog.engagement_levels),
        ),
        Field(msg.FIELD_COMMITMENTS, ask_commitments, _shown(item, "commitments")),
        Field(msg.FIELD_CONTACT, ask_contact, shown_contact),
    ]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _shown(item: Item, key: str) -> Callable[[], str]:
    return lambda: show_value(item.get(key))


def email_error(value: Any) -> str | None:
    """An e-mail address: one ``@``, a dot after it, no spaces, commas or semicolons."""
    text = str(value or "")
    if not text:
        return None
    local, at, domain = text.partition("@")
    if (
        not at
        or not local
        or "." not in domain.strip(".")
        or any(ch in text for ch in " ,;<>")
        or "@" in domain
    ):
        return msg.EMAIL_INVALID.format(value=text)
    return None


def _type_choices(s: Session) -> list[Choice[str]]:
    return [Choice(a.label, a.id, a.description) for a in s.catalog.actor_types.values()]


def stakeholders_step(s: Session) -> list[Field]:
    """The network's actors: the Comune first, then one actor after the other."""
    items = child_list(s.data, "stakeholders", TOP)
    fresh = not items

    def finish(item: Item) -> None:
        if not item.get("id"):
            s.set(item, Stakeholder, "id", _stakeholder_id(s, item))

    def ask_comune() -> None:
        record = s.comune_record()
        has_comune = any(x.get("type") == "comune" for x in s.items("stakeholders"))
        if record is None or has_comune:
            return
        name = _suggested_name(s, "comune")
        while s.prompter.confirm(msg.ASK_ADD_COMUNE_ACTOR.format(name=name), default=True):
            item = new_map()
            s.set(item, Stakeholder, "type", "comune")
            # The promoter: highest power and interest, collaborating (shown as defaults
            # on the complete path, set as they are on the essential one).
            s.set(item, Stakeholder, "power", 5)
            s.set(item, Stakeholder, "interest", 5)
            s.set(item, Stakeholder, "engagement", "collaborare")
            if s.full:
                try:
                    run_fields(s.counter, _stakeholder_fields(s, item, name), start=1)
                except GoBack:
                    continue
            else:
                s.set(item, Stakeholder, "name", name)
                s.set(item, Stakeholder, "level", s.catalog.actor_types["comune"].default_level)
            finish(item)
            items.append(item)
            s.save()
            return

    def opener(opening: Opening) -> Item | str | None:
        actor_type = ask_opener(
            s, opening, msg.ASK_ACTOR_TYPE, msg.NO_MORE_ACTORS, _type_choices(s)
        )
        if actor_type is None or actor_type == FIX:
            return actor_type
        item = new_map()
        s.set(item, Stakeholder, "type", actor_type)
        return item

    def fields(item: Item, new: bool) -> list[Field]:
        suggested = _suggested_name(s, str(item.get("type") or "")) if new else None
        return _stakeholder_fields(s, item, suggested)

    spec = ListSpec(
        menu=msg.MENU_ACTORS,
        add=msg.MENU_ADD_ACTOR,
        label=_stakeholder_label,
        opener=opener,
        fields=fields,
        finish=finish,
        deleted=lambda item: references(s, "stakeholder", str(item.get("id"))),
        key="stakeholders",
        noun=msg.NOUN_ACTOR,
    )

    def ask_list() -> None:
        edit_list(s, items, spec, fresh=fresh)

    def tidy() -> None:
        if not items and "stakeholders" in s.data:
            del s.data["stakeholders"]

    return [
        Field(None, ask_comune),
        Field(msg.SECTION_LABELS["attori"], ask_list),
        Field(None, tidy),
    ]


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
    shown = s.actor_names(ref) if kind == "stakeholder" else ref
    return msg.STILL_REFERENCED.format(id=shown, places=", ".join(places))


# --- relations ----------------------------------------------------------------------------


def _relation_label(s: Session, item: Item) -> str:
    kind = item.get("kind")
    term = vocab.RELATION_KINDS.get(str(kind)) if kind else None
    label = msg.RELATION_LABEL.format(
        source=s.actor_names(item.get("from")),
        target=s.actor_names(item.get("to")),
        kind=term.label if term else show_value(kind) if kind else msg.UNDECIDED,
    )
    return f"{label}: {item['label']}" if item.get("label") else label


def relations_step(s: Session) -> list[Field]:
    """Protocols, agreements and other ties between the actors entered."""
    items: list[Any] = []

    def fields(item: Item, new: bool) -> list[Field]:
        def ask_from() -> None:
            s.ask_select(
                item, Relation, "from_", msg.ASK_RELATION_FROM_EDIT, s.stakeholder_choices()
            )

        def ask_to() -> None:
            source = str(item.get("from"))
            targets = [c for c in s.stakeholder_choices() if c.value != source]
            question = msg.ASK_RELATION_TO.format(source=s.actor_names(source))
            s.ask_select(item, Relation, "to", question, targets)

        def ask_kind() -> None:
            kinds = term_choices(vocab.RELATION_KINDS, undecided=True)
            s.ask_select(item, Relation, "kind", msg.ASK_RELATION_KIND, kinds, default="protocollo")

        def ask_label() -> None:
            s.ask_text(
                item,
                Relation,
                "label",
                msg.ASK_RELATION_LABEL,
                instruction=msg.RELATION_LABEL_EXAMPLE,
            )

        return [
            Field(msg.FIELD_FROM, ask_from, s.shown_actors(item, "from")),
            Field(msg.FIELD_TO, ask_to, s.shown_actors(item, "to")),
            Field(msg.FIELD_KIND, ask_kind, _shown(item, "kind")),
            Field(msg.FIELD_LABEL, ask_label, _shown(item, "label")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        choices: list[Choice[str | None]] = [Choice(msg.NO_MORE_RELATIONS, None, searchable=False)]
        choices += s.stakeholder_choices()
        source = s.prompter.select(msg.ASK_RELATION_FROM, choices, default=None)
        if source is None:
            return None
        item = new_map()
        s.set(item, Relation, "from_", source)
        return item

    def ask_list() -> None:
        if len(s.items("stakeholders")) < 2:
            s.say(msg.RELATIONS_NEED_ACTORS)
            return
        items[:] = [child_list(s.data, "relations", TOP)]
        edit_list(
            s,
            items[0],
            ListSpec(
                menu=msg.MENU_RELATIONS,
                add=msg.MENU_ADD_RELATION,
                label=lambda item: _relation_label(s, item),
                opener=opener,
                fields=fields,
            ),
        )
        if not items[0]:
            del s.data["relations"]

    return [Field(msg.SECTION_LABELS["relazioni"], ask_list)]
