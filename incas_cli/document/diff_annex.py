"""The comparison of two versions of a plan as a document (``incas plan diff --docx``):
the same sections and tables as the terminal (:func:`incas_cli.diff.report`), with
properties taken from the plans and never from the clock.

The public edition (the default: the annex may be published with the plan) leaves out the
changes to the ratings of named organisations (power, interest, engagement), internal
working material like the grid they come from (DOMAIN.md section 9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incas_cli.document.model import (
    Block,
    Document,
    Heading,
    ItemList,
    Paragraph,
    Properties,
    Table,
)
from incas_cli.messages import diff as msg

if TYPE_CHECKING:
    from incas_cli.diff import PlanDiff, ReportSection, ReportTable
    from incas_cli.models import Plan
    from incas_cli.render import Edition


def diff_document(
    diff: PlanDiff,
    old: Plan,
    new: Plan,
    *,
    old_name: str,
    new_name: str,
    sections: Sequence[ReportSection] | None = None,
    edition: Edition = "pubblica",
) -> Document:
    """Title, the versions and files compared, then one chapter per report section."""
    from incas_cli.diff import report, version_date, without_ratings

    withheld = False
    if edition == "pubblica" and sections is None:
        diff, withheld = without_ratings(diff)

    subtitle = msg.DOC_SUBTITLE.format(
        title=new.plan.title,
        old_version=old.plan.version or msg.VERSION_UNKNOWN,
        new_version=new.plan.version or msg.VERSION_UNKNOWN,
    )
    blocks: list[Block] = [
        Paragraph((msg.DOC_TITLE,), "title"),
        Paragraph((subtitle,), "subtitle"),
        Paragraph((msg.DOC_FILES.format(old=old_name, new=new_name),)),
    ]
    parts = report(diff) if sections is None else sections
    if not parts:
        blocks.append(Paragraph((msg.NO_CHANGES.capitalize(),)))
    for section in parts:
        blocks += _section(section)
    if withheld:
        blocks.append(Paragraph((msg.RATINGS_WITHHELD,), "note"))
    return Document(tuple(blocks), _properties(old, new, version_date(new)))


def _section(section: ReportSection) -> list[Block]:
    blocks: list[Block] = [Heading(1, section.title, numbered=False)]
    blocks += [Paragraph((text,)) for text in section.paragraphs]
    if section.bullets:
        blocks.append(ItemList(tuple((text,) for text in section.bullets)))
    for table in section.tables:
        if table.caption:
            blocks.append(Heading(2, table.caption))
        blocks.append(_table(table))
    return blocks


def _table(spec: ReportTable) -> Table:
    return spec.block(caption=False)


def _properties(old: Plan, new: Plan, date: dt.date | None) -> Properties:
    comune = msg.COMUNE_OF.format(name=new.comune.name)
    old_version = old.plan.version or msg.VERSION_UNKNOWN
    new_version = new.plan.version or msg.VERSION_UNKNOWN
    return Properties(
        title=msg.DOC_PROPERTY_TITLE.format(title=new.plan.title),
        subject=msg.DOC_SUBJECT.format(comune=new.comune.name),
        author=new.plan.office or comune,
        keywords=tuple(k.strip() for k in msg.DOC_KEYWORDS.split(",")),
        category=msg.DOC_CATEGORY,
        comments=msg.DOC_COMMENTS.format(old_version=old_version, new_version=new_version),
        content_status=msg.STATUSES[new.effective_status],
        version=new.plan.version or "",
        created=dt.datetime(date.year, date.month, date.day) if date else None,
    )
