"""The lists inside a measure: budget lines, indicators, risks."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from decimal import Decimal
from typing import Any

from incas_cli.formats import money
from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import BudgetLine, Indicator, Measure, Risk
from incas_cli.wizard.core import Session, show_value, term_choices
from incas_cli.wizard.form import Field
from incas_cli.wizard.lists import ListSpec, Opening, add_once, edit_list
from incas_cli.wizard.prompter import Choice, fold
from incas_cli.wizard.tree import child_list, keys_of, new_map

Item = MutableMapping[str, Any]
_OWN_SOURCE = "\x00testo"  # the "I write the source myself" choice (never a catalogue id)


def _shown(item: Item, key: str) -> Callable[[], str]:
    return lambda: show_value(item.get(key))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def budget_label(s: Session, line: Item) -> str:
    """A budget line as the document writes it, ``1.500.000,50 € (PNRR M5C2 Investimento
    2.2.a)``: the lists and the review of a measure show what the user meant, not the
    stored ``1500000.50`` and the catalogue id."""
    amount, source = line.get("amount"), line.get("source")
    try:
        shown = money(Decimal(str(amount)))
    except (ArithmeticError, ValueError):
        shown = show_value(amount)
    funding = s.catalog.funding_sources.get(str(source))
    return msg.BUDGET_LABEL.format(
        amount=shown, source=funding.label if funding is not None else show_value(source)
    )


def _sources(s: Session, current: str | None) -> list[Choice[str]]:
    """The catalogue's funding sources a plan of this Comune's Region can use (Su.Pr.Eme.2
    is not offered in Piemonte, nor Common Ground in Sicilia), the current one always."""
    record = s.comune_record()
    region = fold(record.region) if record is not None else None
    sources: list[Choice[str]] = [
        Choice(f.label, f.id, f.description)
        for f in s.catalog.funding_sources.values()
        if region is None
        or not f.regions
        or f.id == current
        or region in {fold(r) for r in f.regions}
    ]
    sources.append(Choice(msg.OWN_SOURCE, _OWN_SOURCE))
    return sources


def budget(s: Session, measure: Item) -> None:
    lines = child_list(measure, "budget", keys_of(Measure))

    def ask_amount(line: Item, question: str) -> Any:
        return s.ask_text(
            line,
            BudgetLine,
            "amount",
            question,
            number=True,
            instruction=msg.AMOUNT_HINT,
            skip=msg.AMOUNT_SKIP,
        )

    def fields(line: Item, new: bool) -> list[Field]:
        def ask_source() -> None:
            current = line.get("source")
            known = current is not None and str(current) in s.catalog.funding_sources
            default = str(current) if known else (_OWN_SOURCE if current else None)
            sources = _sources(s, str(current) if known else None)
            picked = s.prompter.select(msg.ASK_BUDGET_SOURCE, sources, default=default)
            if picked == _OWN_SOURCE:
                s.ask_text(line, BudgetLine, "source", msg.ASK_BUDGET_SOURCE_TEXT, required=True)
            else:
                s.set(line, BudgetLine, "source", picked)

        def ask_note() -> None:
            if s.full:
                s.ask_text(line, BudgetLine, "note", msg.ASK_BUDGET_NOTE)

        def ask_year() -> None:
            if s.full:
                s.ask_text(line, BudgetLine, "year", msg.ASK_BUDGET_YEAR, number=True)

        def ask_status() -> None:
            if s.full:
                s.ask_select(
                    line,
                    BudgetLine,
                    "status",
                    msg.ASK_BUDGET_STATUS,
                    term_choices(vocab.BUDGET_STATUSES, undecided=True),
                )

        def ask_cup() -> None:
            if s.full:
                s.ask_text(line, BudgetLine, "cup", msg.ASK_BUDGET_CUP, instruction=msg.CUP_HINT)

        return [
            Field(
                msg.FIELD_AMOUNT,
                lambda: ask_amount(line, msg.ASK_BUDGET_AMOUNT_EDIT),
                _shown(line, "amount"),
            ),
            Field(msg.FIELD_SOURCE_FUNDING, ask_source, _shown(line, "source")),
            Field(msg.FIELD_YEAR, ask_year, _shown(line, "year")),
            Field(msg.FIELD_STATUS, ask_status, _shown(line, "status")),
            Field(msg.FIELD_CUP, ask_cup, _shown(line, "cup")),
            Field(msg.FIELD_NOTE, ask_note, _shown(line, "note")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        line = new_map()
        return line if ask_amount(line, msg.ASK_BUDGET_AMOUNT) is not None else None

    spec = ListSpec(
        menu=msg.MENU_BUDGET,
        add=msg.MENU_ADD_BUDGET,
        label=lambda line: budget_label(s, line),
        opener=opener,
        fields=fields,
        save_each=False,
    )
    if s.full or lines:
        edit_list(s, lines, spec)
    else:  # the essential path asks for one line at most
        add_once(s, lines, spec)
    if not lines:
        del measure["budget"]


def indicators(s: Session, measure: Item) -> None:
    indicators = child_list(measure, "indicators", keys_of(Measure))
    kinds = term_choices(vocab.INDICATOR_KINDS, undecided=True)

    def fields(item: Item, new: bool) -> list[Field]:
        def name() -> str:
            return show_value(item.get("name"))

        def text(key: str, question: str, **options: Any) -> Callable[[], None]:
            def ask() -> None:
                s.ask_text(item, Indicator, key, question.format(name=name()), **options)

            return ask

        def ask_kind() -> None:
            s.ask_select(item, Indicator, "kind", msg.ASK_INDICATOR_KIND.format(name=name()), kinds)

        return [
            Field(
                msg.FIELD_NAME,
                text("name", msg.ASK_INDICATOR_NAME_EDIT, required=True),
                name,
            ),
            Field(msg.FIELD_KIND, ask_kind, _shown(item, "kind")),
            Field(msg.FIELD_UNIT, text("unit", msg.ASK_INDICATOR_UNIT), _shown(item, "unit")),
            Field(
                msg.FIELD_BASELINE,
                text("baseline", msg.ASK_INDICATOR_BASELINE, skip=msg.UNKNOWN_HINT, number=True),
                _shown(item, "baseline"),
            ),
            Field(
                msg.FIELD_TARGET_VALUE,
                text("target", msg.ASK_INDICATOR_TARGET, number=True),
                _shown(item, "target"),
            ),
            Field(
                msg.FIELD_VERIFICATION,
                text("verification", msg.ASK_INDICATOR_VERIFICATION),
                _shown(item, "verification"),
            ),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        name = s.ask_text(
            item,
            Indicator,
            "name",
            msg.ASK_INDICATOR_NAME,
            instruction=msg.INDICATOR_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if name is not None else None

    edit_list(
        s,
        indicators,
        ListSpec(
            menu=msg.MENU_INDICATORS,
            add=msg.MENU_ADD_INDICATOR,
            label=lambda item: show_value(item.get("name")),
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not indicators:
        del measure["indicators"]


def risks(s: Session, measure: Item) -> None:
    risks = child_list(measure, "risks", keys_of(Measure))

    def fields(item: Item, new: bool) -> list[Field]:
        def ask_risk() -> None:
            s.ask_text(item, Risk, "risk", msg.ASK_RISK_EDIT, required=True)

        def ask_mitigation() -> None:
            s.ask_text(item, Risk, "mitigation", msg.ASK_RISK_MITIGATION)

        return [
            Field(msg.FIELD_RISK, ask_risk, _shown(item, "risk")),
            Field(msg.FIELD_MITIGATION, ask_mitigation, _shown(item, "mitigation")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        if s.ask_text(item, Risk, "risk", msg.ASK_RISK, skip=msg.ENTER_TO_FINISH) is None:
            return None
        return item

    edit_list(
        s,
        risks,
        ListSpec(
            menu=msg.MENU_RISKS,
            add=msg.MENU_ADD_RISK,
            label=lambda item: _short(show_value(item.get("risk"))),
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not risks:
        del measure["risks"]
