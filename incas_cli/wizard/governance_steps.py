"""The network's governance: the steering body, the thematic tables, and the Comune's
own organisation for the plan."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from incas_cli.messages import wizard as msg
from incas_cli.models.plan import Governance, Office, Organization, Plan, SteeringBody, Table
from incas_cli.wizard.core import Session, show_value
from incas_cli.wizard.form import Field
from incas_cli.wizard.lists import ListSpec, Opening, edit_list
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.tree import child_list, child_map, keys_of, new_map

TOP = keys_of(Plan)
Item = MutableMapping[str, Any]


def _shown(item: Item, key: str) -> Callable[[], str]:
    return lambda: show_value(item.get(key))


# --- governance ---------------------------------------------------------------------------


def governance_step(s: Session) -> list[Field]:
    """The steering body (name, coordinator, members, cadence) and the thematic tables."""
    gov = child_map(s.data, "governance", TOP)
    body = child_map(gov, "steering_body", keys_of(Governance))

    def comune_id() -> str | None:
        return next(
            (str(x.get("id")) for x in s.items("stakeholders") if x.get("type") == "comune"),
            None,
        )

    def ask_name() -> None:
        s.ask_text(
            body, SteeringBody, "name", msg.ASK_STEERING_NAME, default=msg.DEFAULT_STEERING_NAME
        )

    def ask_coordinator() -> None:
        actors = s.stakeholder_choices()
        if not actors:
            return
        if s.full:
            coordinators: list[Choice[str | None]] = [*actors, Choice(msg.UNDECIDED, None)]
            s.ask_select(
                body,
                SteeringBody,
                "coordinator",
                msg.ASK_STEERING_COORDINATOR,
                coordinators,
                default=comune_id(),
            )
        elif comune_id() is not None:
            s.set_default(body, SteeringBody, "coordinator", comune_id())

    def ask_members() -> None:
        actors = s.stakeholder_choices()
        if actors:
            s.ask_checkbox(
                body,
                SteeringBody,
                "members",
                msg.ASK_STEERING_MEMBERS,
                actors,
                defaults=[c.value for c in actors],
            )

    def ask_cadence() -> None:
        if s.full:
            s.ask_text(
                body,
                SteeringBody,
                "cadence",
                msg.ASK_STEERING_CADENCE,
                instruction=msg.CADENCE_EXAMPLE,
            )

    def ask_tables() -> None:
        if s.full:
            _tables(s, gov)

    def ask_organization() -> None:
        if s.full:
            _organization(s)

    def tidy() -> None:
        if not body and "steering_body" in gov:
            del gov["steering_body"]

    return [
        Field(None, ask_name),
        Field(None, ask_coordinator),
        Field(None, ask_members),
        Field(None, ask_cadence),
        Field(None, ask_tables),
        Field(None, tidy),
        Field(None, ask_organization),
    ]


def _tables(s: Session, gov: Item) -> None:
    tables = child_list(gov, "tables", keys_of(Governance))
    topics: list[Choice[str | None]] = [
        Choice(area.label, area.id, area.description) for area in s.catalog.need_areas.values()
    ]
    topics.append(Choice(msg.UNDECIDED, None))

    def fields(item: Item, new: bool) -> list[Field]:
        def name() -> str:
            return show_value(item.get("name"))

        def ask_name() -> None:
            s.ask_text(item, Table, "name", msg.ASK_TABLE_NAME_EDIT, required=True)

        def ask_topic() -> None:
            s.ask_select(item, Table, "topic", msg.ASK_TABLE_TOPIC.format(name=name()), topics)

        def ask_members() -> None:
            actors = s.stakeholder_choices()
            if actors:
                s.ask_checkbox(
                    item, Table, "members", msg.ASK_TABLE_MEMBERS.format(name=name()), actors
                )

        return [
            Field(msg.FIELD_NAME, ask_name, name),
            Field(msg.FIELD_TOPIC, ask_topic, _shown(item, "topic")),
            Field(msg.FIELD_MEMBERS, ask_members, s.shown_actors(item, "members")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        name = s.ask_text(
            item,
            Table,
            "name",
            msg.ASK_TABLE_NAME,
            instruction=msg.TABLE_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if name is not None else None

    edit_list(
        s,
        tables,
        ListSpec(
            menu=msg.MENU_TABLES,
            add=msg.MENU_ADD_TABLE,
            label=lambda item: show_value(item.get("name")),
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not tables:
        del gov["tables"]


def _organization(s: Session) -> None:
    """The Comune's internal organisation for the plan: manager, offices, reporting."""
    org = child_map(s.data, "organization", TOP)
    s.ask_text(
        org, Organization, "manager", msg.ASK_ORG_MANAGER, instruction=msg.ORG_MANAGER_EXAMPLE
    )
    offices = child_list(org, "offices", keys_of(Organization))

    def fields(item: Item, new: bool) -> list[Field]:
        def name() -> str:
            return show_value(item.get("name"))

        def ask_name() -> None:
            s.ask_text(item, Office, "name", msg.ASK_OFFICE_NAME_EDIT, required=True)

        def ask_tasks() -> None:
            s.ask_text(item, Office, "tasks", msg.ASK_OFFICE_TASKS.format(name=name()))

        return [
            Field(msg.FIELD_NAME, ask_name, name),
            Field(msg.FIELD_TASKS, ask_tasks, _shown(item, "tasks")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        name = s.ask_text(
            item,
            Office,
            "name",
            msg.ASK_OFFICE_NAME,
            instruction=msg.OFFICE_NAME_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if name is not None else None

    edit_list(
        s,
        offices,
        ListSpec(
            menu=msg.MENU_OFFICES,
            add=msg.MENU_ADD_OFFICE,
            label=lambda item: show_value(item.get("name")),
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not offices:
        del org["offices"]
    s.ask_text(org, Organization, "reporting", msg.ASK_ORG_REPORTING, multiline=True)
    if not org:
        del s.data["organization"]
