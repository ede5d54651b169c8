"""A diff as titled sections of Italian tables, for the terminal and the Word annex."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.diff.result import (
    ActionStatus,
    AmountRow,
    BudgetDiff,
    CollectionDiff,
    CoverageDiff,
    FieldChange,
    Item,
    PlanDiff,
    _short,
)
from incas_cli.formats import money, signed_money
from incas_cli.messages import diff as msg

if TYPE_CHECKING:
    from incas_cli.document.model import Table


# --- report: the same sections for the terminal and the Word annex ---------------------------


@dataclass(frozen=True)
class ReportTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None  # a last row, set apart
    numeric: tuple[int, ...] = ()  # columns to align right

    def block(self, *, caption: bool = True) -> Table:
        """This table as a document-model table, for the terminal's rich writer and the
        Word annex (which sets the caption apart as a heading: ``caption=False``)."""
        from incas_cli.document.model import Column, Table

        columns = tuple(
            Column(name, "right" if i in self.numeric else "left")
            for i, name in enumerate(self.columns)
        )
        shown = caption and bool(self.caption)
        return Table(self.caption, columns, self.rows, self.total, caption=shown)


@dataclass(frozen=True)
class ReportSection:
    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    bullets: tuple[str, ...] = ()  # a list after the paragraphs


_CHANGE_COLUMNS = (msg.COL_FIELD, msg.COL_BEFORE, msg.COL_AFTER)
_AMOUNT_COLUMNS = (msg.COL_BEFORE, msg.COL_AFTER, msg.COL_DELTA)


def _change_rows(changes: Sequence[FieldChange]) -> tuple[tuple[str, ...], ...]:
    return tuple((c.label, c.old_text, c.new_text) for c in changes)


def _measure_rows(items: Sequence[Item]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            i.id,
            i.label,
            msg.LIST_SEPARATOR.join(msg.ACTION_CODE.format(number=n) for n in i.actions)
            or msg.NONE,
            money(i.budget) if i.budget is not None else msg.NONE,
        )
        for i in items
    )


def _item_rows(items: Sequence[Item]) -> tuple[tuple[str, ...], ...]:
    return tuple((i.id, i.label) for i in items)


def _amount_table(caption: str, first: str, rows: Sequence[AmountRow]) -> ReportTable:
    return ReportTable(
        caption,
        (first, *_AMOUNT_COLUMNS),
        tuple((r.label, money(r.old), money(r.new), signed_money(r.delta)) for r in rows),
        numeric=(1, 2, 3),
    )


def _collection_section(
    title: str,
    diff: CollectionDiff,
    added: str,
    removed: str,
    *,
    measure: bool = False,
    label_column: str = msg.COL_NAME,
) -> ReportSection | None:
    if diff.is_empty:
        return None
    tables = []
    if measure:
        columns: tuple[str, ...] = (msg.COL_ID, msg.COL_TITLE, msg.COL_ACTIONS, msg.COL_BUDGET)
        rows = _measure_rows
        numeric: tuple[int, ...] = (3,)
    else:
        columns, rows, numeric = (msg.COL_ID, label_column), _item_rows, ()
    if diff.added:
        tables.append(ReportTable(added, columns, rows(diff.added), numeric=numeric))
    if diff.removed:
        tables.append(ReportTable(removed, columns, rows(diff.removed), numeric=numeric))
    for change in diff.changed:
        label = _short(change.label, 70).rstrip(".;: ")
        caption = msg.TABLE_CHANGED_ITEM.format(id=change.id, label=label)
        tables.append(ReportTable(caption, _CHANGE_COLUMNS, _change_rows(change.changes)))
    return ReportSection(title, tables=tuple(tables))


def _budget_section(budget: BudgetDiff) -> ReportSection | None:
    if not budget.changed:
        return None
    total = budget.total
    summary = msg.BUDGET_SUMMARY.format(
        old=money(total.old), new=money(total.new), delta=signed_money(total.delta)
    )
    total_row = (msg.TOTAL, money(total.old), money(total.new), signed_money(total.delta))
    by_source = _amount_table(msg.TABLE_BY_SOURCE, msg.COL_SOURCE, budget.by_source)
    by_axis = _amount_table(msg.TABLE_BY_AXIS, msg.COL_AXIS, budget.by_axis)
    return ReportSection(
        msg.SECTION_BUDGET,
        (summary,),
        (
            ReportTable(by_source.caption, by_source.columns, by_source.rows, total_row, (1, 2, 3)),
            ReportTable(by_axis.caption, by_axis.columns, by_axis.rows, total_row, (1, 2, 3)),
        ),
    )


def _action_list(actions: Sequence[ActionStatus]) -> str:
    return msg.ITEM_SEPARATOR.join(
        msg.ACTION_REF.format(number=a.number, label=a.label) for a in actions
    )


def _coverage_section(coverage: CoverageDiff) -> ReportSection | None:
    if not coverage.total:
        return None
    paragraphs = [
        msg.COVERAGE_SUMMARY.format(
            old=coverage.old_count, new=coverage.new_count, total=coverage.total
        )
    ]
    if coverage.gained:
        paragraphs.append(msg.COVERAGE_GAINED.format(actions=_action_list(coverage.gained)))
    if coverage.lost:
        paragraphs.append(msg.COVERAGE_LOST.format(actions=_action_list(coverage.lost)))
    tables: tuple[ReportTable, ...] = ()
    if coverage.changed:
        rows = tuple(
            (
                msg.ACTION_REF.format(number=a.number, label=a.label),
                msg.YES if a.old else msg.NO,
                msg.YES if a.new else msg.NO,
                msg.MARK_GAINED
                if a.new and not a.old
                else msg.MARK_LOST
                if a.old and not a.new
                else "",
            )
            for a in coverage.actions
        )
        tables = (
            ReportTable(
                msg.TABLE_COVERAGE,
                (msg.COL_ACTION, msg.COL_BEFORE, msg.COL_AFTER, msg.COL_CHANGE),
                rows,
            ),
        )
    return ReportSection(msg.SECTION_COVERAGE, tuple(paragraphs), tables)


def report(diff: PlanDiff) -> tuple[ReportSection, ...]:
    """The diff as titled sections of Italian tables; empty when nothing changed."""
    if diff.is_empty:
        return ()
    sections: list[ReportSection | None] = []
    if diff.plan:
        table = ReportTable("", _CHANGE_COLUMNS, _change_rows(diff.plan))
        sections.append(ReportSection(msg.SECTION_PLAN, tables=(table,)))
    sections.append(
        _collection_section(
            msg.SECTION_MEASURES,
            diff.measures,
            msg.TABLE_ADDED_MEASURES,
            msg.TABLE_REMOVED_MEASURES,
            measure=True,
        )
    )
    sections.append(_budget_section(diff.budget))
    sections.append(_coverage_section(diff.coverage))
    sections.append(
        _collection_section(
            msg.SECTION_STAKEHOLDERS,
            diff.stakeholders,
            msg.TABLE_ADDED_STAKEHOLDERS,
            msg.TABLE_REMOVED_STAKEHOLDERS,
        )
    )
    sections.append(
        _collection_section(
            msg.SECTION_NEEDS,
            diff.needs,
            msg.TABLE_ADDED_NEEDS,
            msg.TABLE_REMOVED_NEEDS,
            label_column=msg.COL_DESCRIPTION,
        )
    )
    if diff.sections:
        names = tuple(msg.SECTIONS[s] for s in diff.sections)
        sections.append(ReportSection(msg.SECTION_OTHER, (msg.OTHER_INTRO,), bullets=names))
    return tuple(s for s in sections if s is not None)
