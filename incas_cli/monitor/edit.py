"""``monitor edit``: the report filled in by questions, behind the wizard's :class:`Prompter`.

:func:`edit_report` is a pure function of its prompter, the plan and the report's tree (the
round-trip tree of the file, comments kept). Each group (a measure, an indicator's value, a
meeting, the report's own data) is a form of the wizard (:mod:`incas_cli.wizard.form`): its
questions are asked in order with the wizard's way back («<», Pag↑), which from the first
question returns to the menu; its answers go into the tree only when the group is complete,
and ``on_save`` is called then, so a Ctrl-C loses at most the group under way. It never
touches files; the command saves. There is no separate resume state: the file is the state,
and the menu says what is still to fill in, so running the command again carries on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from incas_cli import formats as fmt
from incas_cli.messages import monitor as msg
from incas_cli.messages import render as render_msg
from incas_cli.models.month import YearMonth
from incas_cli.monitor.model import MEASURE_STATES, REPORT_STATUSES
from incas_cli.monitor.rules import find_indicator, indicator_key
from incas_cli.monitor.tables import quantity
from incas_cli.wizard.answers import iso_months
from incas_cli.wizard.checking import italian_number
from incas_cli.wizard.form import CountingPrompter, Field, run_fields
from incas_cli.wizard.prompter import Choice, GoBack

if TYPE_CHECKING:
    from incas_cli.models import Indicator, Measure, Plan
    from incas_cli.wizard.prompter import Prompter, Validator

__all__ = ["edit_report"]

_BACK = "__back__"
_OPEN = "__open__"


@dataclass
class _Editor:
    prompter: CountingPrompter
    plan: Plan
    data: Any
    on_save: Callable[[Any], None]

    @property
    def start(self) -> YearMonth:
        return YearMonth(str(self.data["report"]["period"]["start"]))

    @property
    def end(self) -> YearMonth:
        return YearMonth(str(self.data["report"]["period"]["end"]))

    def items(self, key: str) -> Any:
        """The list at ``key``, made when the file has none."""
        from incas_cli.io import new_document_data

        if not isinstance(self.data.get(key), list):
            self.data[key] = new_document_data({"x": []})["x"]
        return self.data[key]

    def find(self, measure: Measure) -> Any:
        """The report's entry of ``measure`` (None: not listed)."""
        for item in self.data.get("measures") or []:
            if isinstance(item, dict) and str(item.get("id")) == measure.id:
                return item
        return None

    def entry(self, measure: Measure) -> Any:
        """The report's entry of ``measure``, added when missing."""
        from incas_cli.io import new_document_data

        found = self.find(measure)
        if found is None:
            self.items("measures").append(new_document_data({"id": measure.id, "status": None}))
            found = self.items("measures")[-1]
        return found

    def save(self) -> None:
        self.on_save(self.data)

    def entry_status(self, measure: Measure) -> str | None:
        """The state the report gives ``measure`` (None: open or not listed)."""
        found = self.find(measure)
        status = found.get("status") if found is not None else None
        return str(status) if status else None

    def value_row(self, measure: Measure, indicator: Indicator) -> Any:
        """The report's row of values of ``indicator`` (None: not listed)."""
        for item in self.data.get("indicators") or []:
            if (
                isinstance(item, dict)
                and str(item.get("measure")) == measure.id
                and find_indicator(measure, str(item.get("indicator", ""))) is indicator
            ):
                return item
        return None

    def value_of(self, measure: Measure, indicator: Indicator) -> Any:
        row = self.value_row(measure, indicator)
        return None if row is None else row.get("value")


def edit_report(
    prompter: Prompter, plan: Plan, data: Any, *, on_save: Callable[[Any], None]
) -> None:
    """Ask until the user picks "Fine"; ``data`` is the report's tree, changed in place."""
    ed = _Editor(CountingPrompter(prompter), plan, data, on_save)
    period = msg.SPAN.format(start=fmt.month(ed.start), end=fmt.month(ed.end))
    prompter.show(msg.EDIT_TITLE.format(period=period, title=plan.plan.title))
    while True:
        todo_measures = sum(1 for m in plan.measures if not ed.entry_status(m))
        indicators = [(m, i) for m in plan.measures for i in m.indicators]
        todo_values = sum(1 for m, i in indicators if ed.value_of(m, i) is None)
        meetings = ed.data.get("meetings") or []
        try:
            choice = _menu(ed, todo_measures, todo_values, len(indicators), len(meetings))
        except GoBack:
            continue  # nothing before the menu
        if choice == "done":
            return
        try:
            GROUPS[choice](ed)
        except GoBack:
            continue  # back from a group's first question: the menu again, nothing saved


def _menu(ed: _Editor, todo_measures: int, todo_values: int, indicators: int, meetings: int) -> str:
    plan = ed.plan
    return ed.prompter.select(
        msg.EDIT_WHAT,
        [
            Choice(
                msg.EDIT_MENU_MEASURES.format(todo=todo_measures, total=len(plan.measures)),
                "measures",
            ),
            Choice(
                msg.EDIT_MENU_INDICATORS.format(todo=todo_values, total=indicators),
                "indicators",
            ),
            Choice(msg.EDIT_MENU_MEETINGS.format(count=meetings), "meeting"),
            Choice(msg.EDIT_MENU_INFO, "info"),
            Choice(msg.EDIT_MENU_DONE, "done", searchable=False),
        ],
    )


# --- reading the tree ------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


# --- validators ------------------------------------------------------------------------------


def _optional(check: Callable[[str], str | None]) -> Validator:
    def validate(raw: str) -> str | None:
        return None if not raw.strip() else check(raw.strip())

    return validate


def _percent_text(raw: str) -> str:
    """``55%`` -> ``55``: the sign is what the question already says."""
    return raw.strip().removesuffix("%").strip()


def _percent(raw: str) -> str | None:
    value = _percent_text(raw)
    return None if value.isdigit() and 0 <= int(value) <= 100 else msg.ERR_PERCENT


def _month_text(raw: str) -> str:
    """A month as the plan's questions take it (``marzo 2025``, ``03/2025``) -> ``2025-03``."""
    return iso_months(raw)


def _month_check(ed: _Editor, *, after: YearMonth | None = None, inside: bool = False) -> Validator:
    def check(raw: str) -> str | None:
        try:
            month = YearMonth(_month_text(raw))
        except ValueError:
            return msg.ERR_MONTH.format(example=ed.end)
        if inside and not ed.start <= month <= ed.end:
            return msg.ERR_MONTH_OUTSIDE.format(start=ed.start, end=ed.end)
        if month > ed.end:
            return msg.ERR_MONTH_AFTER.format(end=ed.end)
        if after is not None and month < after:
            return msg.ERR_ENDED_BEFORE.format(start=after)
        return None

    return _optional(check)


def _money(raw: str) -> Decimal | None:
    try:
        value = Decimal(italian_number(raw).replace("€", "").strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        return None
    return value


def _money_check(limit: Decimal | None = None) -> Validator:
    def check(raw: str) -> str | None:
        value = _money(raw)
        if value is None:
            return msg.ERR_MONEY
        if limit is not None and value > limit:
            return msg.ERR_PAID_ABOVE.format(committed=fmt.money(limit))
        return None

    return _optional(check)


def _number(raw: str) -> str | None:
    try:
        return None if Decimal(italian_number(raw)).is_finite() else msg.ERR_NUMBER
    except InvalidOperation:
        return msg.ERR_NUMBER


def _date_check(ed: _Editor) -> Validator:
    def check(raw: str) -> str | None:
        example = f"{ed.end}-15"
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            return msg.ERR_DATE.format(example=example)
        if not ed.start <= YearMonth.from_date(day) <= ed.end:
            return msg.ERR_DATE_OUTSIDE.format(start=ed.start, end=ed.end)
        return None

    return _optional(check)


def _as_number(raw: str) -> Decimal | int | None:
    if not raw.strip():
        return None
    text = italian_number(raw)
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() and "." not in text else value


# --- the groups ------------------------------------------------------------------------------


def _state_label(state: str | None) -> str:
    return msg.STATES.get(state or "", msg.STATE_NOT_REPORTED)


def _ask_text(
    ed: _Editor,
    answers: dict[str, Any],
    key: str,
    message: str,
    *,
    default: Any = None,
    validate: Validator | None = None,
    instruction: str | None = None,
    multiline: bool = False,
    normalize: Callable[[str], str] = str.strip,
) -> Field:
    """A field asking one text question into ``answers[key]`` (``normalize``d: stripped, a
    month written the Italian way in ISO form; "" for empty)."""

    def ask() -> None:
        answers[key] = normalize(
            ed.prompter.text(
                message,
                default=_text(answers.get(key)) or _text(default),
                validate=validate,
                instruction=instruction,
                multiline=multiline,
                clearable=True,
            )
        )

    return Field(None, ask)


def _measures(ed: _Editor) -> None:
    choices = [
        Choice(
            msg.EDIT_MEASURE_CHOICE.format(
                id=m.id, title=m.title, state=_state_label(ed.entry_status(m))
            ),
            m.id,
        )
        for m in ed.plan.measures
    ]
    picked = ed.prompter.select(
        msg.EDIT_WHICH_MEASURE, [*choices, Choice(msg.EDIT_BACK, _BACK, searchable=False)]
    )
    if picked == _BACK:
        return
    measure = next(m for m in ed.plan.measures if m.id == picked)
    _measure(ed, measure)
    ed.save()


def _measure(ed: _Editor, measure: Measure) -> None:
    entry = ed.find(measure) or {}
    answers: dict[str, Any] = {k: entry.get(k) for k in ("status", "progress", "started")}
    answers.update({k: entry.get(k) for k in ("ended", "issues", "corrective", "note")})
    spending: list[dict[str, Any]] = []

    def status() -> None:
        current = _text(answers.get("status"))
        picked = ed.prompter.select(
            msg.EDIT_STATUS.format(id=measure.id),
            [
                *(Choice(msg.STATES[s], s) for s in MEASURE_STATES),
                Choice(msg.EDIT_STATUS_OPEN, _OPEN),
            ],
            default=current or _OPEN,
        )
        answers["status"] = None if picked == _OPEN else picked

    def ended() -> None:
        if answers.get("status") not in ("completata", "annullata") and not answers.get("ended"):
            return
        started = _text(answers.get("started"))
        answers["ended"] = _month_text(
            ed.prompter.text(
                msg.EDIT_ENDED,
                default=_text(answers.get("ended")),
                validate=_month_check(ed, after=YearMonth(started) if started else None),
                instruction=msg.EDIT_MONTH_HINT.format(example=ed.end),
                clearable=True,
            )
        )

    def money() -> None:
        spending[:] = _spending(ed, measure, entry)

    fields = [
        Field(None, status),
        _ask_text(
            ed,
            answers,
            "progress",
            msg.EDIT_PROGRESS,
            validate=_optional(_percent),
            instruction=msg.EDIT_PROGRESS_HINT,
            normalize=_percent_text,
        ),
        _ask_text(
            ed,
            answers,
            "started",
            msg.EDIT_STARTED,
            validate=_month_check(ed),
            instruction=msg.EDIT_MONTH_HINT.format(example=measure.start or ed.start),
            normalize=_month_text,
        ),
        Field(None, ended),
        Field(None, money),
        _ask_text(ed, answers, "issues", msg.EDIT_ISSUES, multiline=True),
        _ask_text(ed, answers, "corrective", msg.EDIT_CORRECTIVE, multiline=True),
        _ask_text(ed, answers, "note", msg.EDIT_NOTE),
    ]
    run_fields(ed.prompter, fields)
    entry = ed.entry(measure)  # the answers go into the tree once the group is complete
    progress = _text(answers.get("progress"))
    entry["status"] = answers.get("status")
    entry["progress"] = int(progress) if progress else None
    for key in ("started", "ended", "issues", "corrective", "note"):
        if key == "ended" and key not in entry and not answers.get(key):
            continue
        entry[key] = _text(answers.get(key))
    _write_spending(entry, spending)


def _spending(ed: _Editor, measure: Measure, entry: Any) -> list[dict[str, Any]]:
    """Committed and paid for every source of the measure's budget (and of the report)."""
    budget: dict[str, Decimal] = {}
    for line in measure.budget:
        if line.source:
            budget[line.source] = budget.get(line.source, Decimal(0)) + (line.amount or 0)
    rows = [dict(r) for r in entry.get("spending") or [] if isinstance(r, dict)]
    listed = {str(r.get("source")) for r in rows}
    rows += [{"source": s, "committed": None, "paid": None} for s in budget if s not in listed]
    for row in rows:
        source = str(row.get("source") or "")
        amount = budget.get(source)
        hint = msg.EDIT_MONEY_HINT.format(budget=fmt.money(amount) if amount else msg.DASH)
        committed = ed.prompter.text(
            msg.EDIT_COMMITTED.format(source=source),
            default=_text(row.get("committed")),
            validate=_money_check(),
            instruction=hint,
            clearable=True,
        )
        row["committed"] = _money(committed) if committed.strip() else None
        paid = ed.prompter.text(
            msg.EDIT_PAID.format(source=source),
            default=_text(row.get("paid")),
            validate=_money_check(row["committed"]),
            instruction=hint,
            clearable=True,
        )
        row["paid"] = _money(paid) if paid.strip() else None
    return rows


def _write_spending(entry: Any, rows: list[dict[str, Any]]) -> None:
    from incas_cli.io import new_document_data

    if not rows:
        return
    existing = entry.get("spending")
    if not isinstance(existing, list):
        entry["spending"] = existing = new_document_data({"x": []})["x"]
    for index, row in enumerate(rows):
        if index < len(existing) and isinstance(existing[index], dict):
            for key in ("source", "committed", "paid"):
                existing[index][key] = row.get(key)
        else:
            existing.append(new_document_data(row))


def _indicators(ed: _Editor) -> None:
    pairs = [(m, i) for m in ed.plan.measures for i in m.indicators]
    choices = []
    for index, (m, i) in enumerate(pairs):
        value = ed.value_of(m, i)
        shown = quantity(Decimal(str(value))) if value is not None else msg.EDIT_NO_VALUE
        choices.append(
            Choice(msg.EDIT_INDICATOR_CHOICE.format(measure=m.id, name=i.name, value=shown), index)
        )
    picked = ed.prompter.select(
        msg.EDIT_WHICH_INDICATOR, [*choices, Choice(msg.EDIT_BACK, -1, searchable=False)]
    )
    if picked == -1:
        return
    measure, indicator = pairs[picked]
    _indicator(ed, measure, indicator)
    ed.save()


def _indicator(ed: _Editor, measure: Measure, indicator: Indicator) -> None:
    from incas_cli.io import new_document_data

    row = ed.value_row(measure, indicator)
    answers: dict[str, Any] = {}
    if row is not None:
        answers = {k: row.get(k) for k in ("value", "date", "source")}
    unit = f" ({indicator.unit})" if indicator.unit else ""
    fields = [
        _ask_text(
            ed,
            answers,
            "value",
            msg.EDIT_VALUE.format(name=indicator.name, unit=unit),
            validate=_optional(_number),
            instruction=msg.EDIT_VALUE_HINT.format(
                baseline=quantity(indicator.baseline), target=quantity(indicator.target)
            ),
        ),
        _ask_text(
            ed,
            answers,
            "date",
            msg.EDIT_VALUE_DATE,
            default=str(ed.end),
            validate=_month_check(ed, inside=True),
            instruction=msg.EDIT_MONTH_HINT.format(example=ed.end),
            normalize=_month_text,
        ),
        _ask_text(ed, answers, "source", msg.EDIT_VALUE_SOURCE, default=indicator.verification),
    ]
    run_fields(ed.prompter, fields)
    if row is None:
        ed.items("indicators").append(
            new_document_data({"measure": measure.id, "indicator": indicator_key(indicator)})
        )
        row = ed.items("indicators")[-1]
    row["value"] = _as_number(str(answers.get("value") or ""))
    row["date"] = _text(answers.get("date"))
    row["source"] = _text(answers.get("source"))


def _meeting(ed: _Editor) -> None:
    from incas_cli.io import new_document_data
    from incas_cli.models.vocab import MEETING_KINDS

    answers: dict[str, Any] = {}

    def kind() -> None:
        answers["kind"] = ed.prompter.select(
            msg.EDIT_MEETING_KIND,
            [Choice(render_msg.MEETING_KINDS[k], k) for k in MEETING_KINDS],
            default=answers.get("kind"),
        )

    def participants() -> None:
        answers["participants"] = ed.prompter.checkbox(
            msg.EDIT_MEETING_PARTICIPANTS,
            [Choice(s.name, s.id) for s in ed.plan.stakeholders],
            defaults=answers.get("participants", ()),
        )

    fields = [
        _ask_text(
            ed,
            answers,
            "date",
            msg.EDIT_MEETING_DATE,
            validate=_date_check(ed),
            instruction=msg.EDIT_DATE_HINT.format(example=f"{ed.end}-15"),
        ),
        Field(None, kind),
        _ask_text(ed, answers, "table", msg.EDIT_MEETING_TABLE),
        Field(None, participants),
        _ask_text(ed, answers, "summary", msg.EDIT_MEETING_SUMMARY, multiline=True),
    ]
    run_fields(ed.prompter, fields)
    day = _text(answers.get("date"))
    ed.items("meetings").append(
        new_document_data(
            {
                "date": dt.date.fromisoformat(day) if day else None,
                "kind": answers.get("kind"),
                "table": _text(answers.get("table")),
                "participants": list(answers.get("participants", [])),
                "summary": _text(answers.get("summary")),
            }
        )
    )
    ed.save()


def _info(ed: _Editor) -> None:
    from incas_cli.io import new_document_data

    info = ed.data["report"]
    authors: Sequence[Any] = info.get("authors") or []
    answers: dict[str, Any] = {
        "date": info.get("date"),
        "status": info.get("status"),
        "authors": ", ".join(map(str, authors)),
        "next_period": info.get("next_period"),
    }

    def status() -> None:
        answers["status"] = ed.prompter.select(
            msg.EDIT_REPORT_STATUS,
            [Choice(msg.REPORT_STATUS_WORDS[s], s) for s in REPORT_STATUSES],
            default=_text(answers.get("status")) or "bozza",
        )

    fields = [
        _ask_text(
            ed,
            answers,
            "date",
            msg.EDIT_REPORT_DATE,
            validate=_optional(_iso_date),
            instruction=msg.EDIT_DATE_HINT.format(example=f"{ed.end.plus(2)}-15"),
        ),
        Field(None, status),
        _ask_text(ed, answers, "authors", msg.EDIT_AUTHORS),
        _ask_text(ed, answers, "next_period", msg.EDIT_NEXT_PERIOD, multiline=True),
    ]
    run_fields(ed.prompter, fields)
    day = _text(answers.get("date"))
    info["date"] = dt.date.fromisoformat(day) if day else None
    info["status"] = answers["status"]
    names = [a.strip() for a in str(answers.get("authors") or "").split(",") if a.strip()]
    info["authors"] = new_document_data({"x": names})["x"]
    info["next_period"] = _text(answers.get("next_period"))
    ed.save()


def _iso_date(raw: str) -> str | None:
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return msg.ERR_DATE.format(example="2026-02-15")
    return None


GROUPS: dict[str, Callable[[_Editor], None]] = {
    "measures": _measures,
    "indicators": _indicators,
    "meeting": _meeting,
    "info": _info,
}
"""What each entry of the menu asks."""
