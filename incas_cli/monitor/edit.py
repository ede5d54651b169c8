"""``monitor edit``: the report filled in by questions, behind the wizard's :class:`Prompter`.

:func:`edit_report` is a pure function of its prompter, the plan and the report's tree (the
round-trip tree of the file, comments kept): it asks, writes the answers into the tree and
calls ``on_save`` after every completed group (a measure, an indicator's value, a meeting,
the report's own data), so a Ctrl-C loses at most the group under way. It never touches
files; the command saves. There is no separate resume state: the file is the state, and the
menu says what is still to fill in, so running the command again carries on.
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
from incas_cli.wizard.prompter import Choice

if TYPE_CHECKING:
    from incas_cli.models import Indicator, Measure, Plan
    from incas_cli.wizard.prompter import Prompter, Validator

__all__ = ["edit_report"]

_BACK = "__back__"
_OPEN = "__open__"


@dataclass
class _Editor:
    prompter: Prompter
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

    def entry(self, measure: Measure) -> Any:
        """The report's entry of ``measure``, added when missing."""
        from incas_cli.io import new_document_data

        measures = self.items("measures")
        for item in measures:
            if isinstance(item, dict) and str(item.get("id")) == measure.id:
                return item
        measures.append(new_document_data({"id": measure.id, "status": None}))
        return measures[-1]

    def save(self) -> None:
        self.on_save(self.data)

    def entry_status(self, measure: Measure) -> str | None:
        """The state the report gives ``measure`` (None: open or not listed)."""
        for item in self.data.get("measures") or []:
            if isinstance(item, dict) and str(item.get("id")) == measure.id:
                status = item.get("status")
                return str(status) if status else None
        return None

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
    ed = _Editor(prompter, plan, data, on_save)
    period = msg.SPAN.format(start=fmt.month(ed.start), end=fmt.month(ed.end))
    prompter.show(msg.EDIT_TITLE.format(period=period, title=plan.plan.title))
    while True:
        todo_measures = sum(1 for m in plan.measures if not ed.entry_status(m))
        indicators = [(m, i) for m in plan.measures for i in m.indicators]
        todo_values = sum(1 for m, i in indicators if ed.value_of(m, i) is None)
        meetings = ed.data.get("meetings") or []
        choice = prompter.select(
            msg.EDIT_WHAT,
            [
                Choice(
                    msg.EDIT_MENU_MEASURES.format(todo=todo_measures, total=len(plan.measures)),
                    "measures",
                ),
                Choice(
                    msg.EDIT_MENU_INDICATORS.format(todo=todo_values, total=len(indicators)),
                    "indicators",
                ),
                Choice(msg.EDIT_MENU_MEETINGS.format(count=len(meetings)), "meeting"),
                Choice(msg.EDIT_MENU_INFO, "info"),
                Choice(msg.EDIT_MENU_DONE, "done", searchable=False),
            ],
        )
        if choice == "done":
            return
        if choice == "measures":
            _measures(ed)
        elif choice == "indicators":
            _indicators(ed)
        elif choice == "meeting":
            _meeting(ed)
        else:
            _info(ed)


# --- reading the tree ------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


# --- validators ------------------------------------------------------------------------------


def _optional(check: Callable[[str], str | None]) -> Validator:
    def validate(raw: str) -> str | None:
        return None if not raw.strip() else check(raw.strip())

    return validate


def _percent(raw: str) -> str | None:
    return None if raw.isdigit() and 0 <= int(raw) <= 100 else msg.ERR_PERCENT


def _month_check(ed: _Editor, *, after: YearMonth | None = None, inside: bool = False) -> Validator:
    def check(raw: str) -> str | None:
        try:
            month = YearMonth(raw)
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
        value = Decimal(raw.replace("€", "").strip())
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
        return None if Decimal(raw).is_finite() else msg.ERR_NUMBER
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
    value = Decimal(raw.strip())
    return int(value) if value == value.to_integral_value() and "." not in raw else value


# --- the groups ------------------------------------------------------------------------------


def _state_label(state: str | None) -> str:
    return msg.STATES.get(state or "", msg.STATE_NOT_REPORTED)


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
    entry = ed.entry(measure)
    p = ed.prompter
    current = _text(entry.get("status"))
    status = p.select(
        msg.EDIT_STATUS.format(id=measure.id),
        [
            *(Choice(msg.STATES[s], s) for s in MEASURE_STATES),
            Choice(msg.EDIT_STATUS_OPEN, _OPEN),
        ],
        default=current or _OPEN,
    )
    entry["status"] = None if status == _OPEN else status
    progress = p.text(
        msg.EDIT_PROGRESS,
        default=_text(entry.get("progress")),
        validate=_optional(_percent),
        instruction=msg.EDIT_PROGRESS_HINT,
        clearable=True,
    )
    entry["progress"] = int(progress) if progress.strip() else None
    hint = msg.EDIT_MONTH_HINT.format(example=measure.start or ed.start)
    started = p.text(
        msg.EDIT_STARTED,
        default=_text(entry.get("started")),
        validate=_month_check(ed),
        instruction=hint,
        clearable=True,
    ).strip()
    entry["started"] = started or None
    if status in ("completata", "annullata") or entry.get("ended"):
        ended = p.text(
            msg.EDIT_ENDED,
            default=_text(entry.get("ended")),
            validate=_month_check(ed, after=YearMonth(started) if started else None),
            instruction=msg.EDIT_MONTH_HINT.format(example=ed.end),
            clearable=True,
        ).strip()
        entry["ended"] = ended or None
    _spending(ed, measure, entry)
    for key, question, multiline in (
        ("issues", msg.EDIT_ISSUES, True),
        ("corrective", msg.EDIT_CORRECTIVE, True),
        ("note", msg.EDIT_NOTE, False),
    ):
        answer = p.text(
            question, default=_text(entry.get(key)), multiline=multiline, clearable=True
        ).strip()
        entry[key] = answer or None


def _spending(ed: _Editor, measure: Measure, entry: Any) -> None:
    from incas_cli.io import new_document_data

    budget: dict[str, Decimal] = {}
    for line in measure.budget:
        if line.source:
            budget[line.source] = budget.get(line.source, Decimal(0)) + (line.amount or 0)
    rows = entry.get("spending")
    if not isinstance(rows, list):
        entry["spending"] = rows = new_document_data({"x": []})["x"]
    sources = [str(r.get("source")) for r in rows if isinstance(r, dict) and r.get("source")]
    for source in budget:
        if source not in sources:
            rows.append(new_document_data({"source": source, "committed": None, "paid": None}))
    for row in rows:
        if not isinstance(row, dict):
            continue
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
    if row is None:
        ed.items("indicators").append(
            new_document_data({"measure": measure.id, "indicator": indicator_key(indicator)})
        )
        row = ed.items("indicators")[-1]
    p = ed.prompter
    unit = f" ({indicator.unit})" if indicator.unit else ""
    value = p.text(
        msg.EDIT_VALUE.format(name=indicator.name, unit=unit),
        default=_text(row.get("value")),
        validate=_optional(_number),
        instruction=msg.EDIT_VALUE_HINT.format(
            baseline=quantity(indicator.baseline), target=quantity(indicator.target)
        ),
        clearable=True,
    )
    row["value"] = _as_number(value)
    when = p.text(
        msg.EDIT_VALUE_DATE,
        default=_text(row.get("date")) or str(ed.end),
        validate=_month_check(ed, inside=True),
        instruction=msg.EDIT_MONTH_HINT.format(example=ed.end),
        clearable=True,
    ).strip()
    row["date"] = when or None
    source = p.text(
        msg.EDIT_VALUE_SOURCE,
        default=_text(row.get("source")) or indicator.verification,
        clearable=True,
    ).strip()
    row["source"] = source or None


def _meeting(ed: _Editor) -> None:
    from incas_cli.io import new_document_data
    from incas_cli.models.vocab import MEETING_KINDS

    p = ed.prompter
    day = p.text(
        msg.EDIT_MEETING_DATE,
        validate=_date_check(ed),
        instruction=msg.EDIT_DATE_HINT.format(example=f"{ed.end}-15"),
    ).strip()
    kind = p.select(
        msg.EDIT_MEETING_KIND, [Choice(render_msg.MEETING_KINDS[k], k) for k in MEETING_KINDS]
    )
    table = p.text(msg.EDIT_MEETING_TABLE, clearable=True).strip()
    participants = p.checkbox(
        msg.EDIT_MEETING_PARTICIPANTS, [Choice(s.name, s.id) for s in ed.plan.stakeholders]
    )
    summary = p.text(msg.EDIT_MEETING_SUMMARY, multiline=True).strip()
    ed.items("meetings").append(
        new_document_data(
            {
                "date": dt.date.fromisoformat(day) if day else None,
                "kind": kind,
                "table": table or None,
                "participants": list(participants),
                "summary": summary or None,
            }
        )
    )
    ed.save()


def _info(ed: _Editor) -> None:
    info = ed.data["report"]
    p = ed.prompter
    day = p.text(
        msg.EDIT_REPORT_DATE,
        default=_text(info.get("date")),
        validate=_optional(_iso_date),
        instruction=msg.EDIT_DATE_HINT.format(example=f"{ed.end.plus(2)}-15"),
        clearable=True,
    ).strip()
    info["date"] = dt.date.fromisoformat(day) if day else None
    status = p.select(
        msg.EDIT_REPORT_STATUS,
        [Choice(msg.REPORT_STATUS_WORDS[s], s) for s in REPORT_STATUSES],
        default=_text(info.get("status")) or "bozza",
    )
    info["status"] = status
    authors: Sequence[Any] = info.get("authors") or []
    typed = p.text(msg.EDIT_AUTHORS, default=", ".join(map(str, authors)) or None, clearable=True)
    names = [a.strip() for a in typed.split(",") if a.strip()]
    from incas_cli.io import new_document_data

    info["authors"] = new_document_data({"x": names})["x"]
    outlook = p.text(
        msg.EDIT_NEXT_PERIOD, default=_text(info.get("next_period")), multiline=True, clearable=True
    ).strip()
    info["next_period"] = outlook or None
    ed.save()


def _iso_date(raw: str) -> str | None:
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return msg.ERR_DATE.format(example="2026-02-15")
    return None
