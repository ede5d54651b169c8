"""The front page, the running header and the file's properties."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Paragraph, Properties, Run, Toc, plain
from incas_cli.document.outline.common import (
    Context,
    Value,
    joined,
    open_text,
    open_value,
    resolution_annex,
)
from incas_cli.facts import plan_dates
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.models import Plan


def _comune(plan: Plan) -> str:
    return msg.COMUNE_OF.format(name=plan.comune.name)


def status_label(plan: Plan) -> str:
    return msg.STATUSES[plan.effective_status]


def period(plan: Plan) -> Value:
    """ "gennaio 2024 – dicembre 2026", or what is still open of it."""
    value = plan.plan.period
    if value is None:
        return open_value(None, "plan.period")
    start = fmt.month(value.start) if value.start else None
    end = fmt.month(value.end) if value.end else None
    return msg.RANGE.format(
        start=start or open_text("plan.period.start"), end=end or open_text("plan.period.end")
    )


def adoption(plan: Plan) -> str:
    """ "delibera della Giunta comunale n. 45 del 10 maggio 2024", "proposta alla Giunta
    comunale per l'adozione", or "non ancora adottato"."""
    act_info = plan.plan.adoption
    if plan.effective_status == "proposta":
        organ = act_info.organ if act_info is not None and act_info.organ else "giunta"
        return msg.PROPOSED_TO[organ]
    if act_info is None or (act_info.organ is None and act_info.date is None):
        return msg.NOT_ADOPTED
    act = msg.ADOPTION_ACTS.get(act_info.organ or "", msg.ADOPTION_ACT_UNKNOWN)
    number = (
        msg.ADOPTION_NUMBER.format(number=fmt.act_number(act_info.number))
        if act_info.number
        else ""
    )
    date = " " + fmt.date_after("del", act_info.date) if act_info.date else ""
    return msg.ADOPTION.format(act=act, number=number, date=date).strip()


def annex_mark(plan: Plan) -> str | None:
    """ "Allegato A alla deliberazione della Giunta comunale n. ___ del ___" for a plan sent
    for adoption, with number and date once adopted; None for a draft."""
    if not plan.final:
        return None
    act = plan.plan.adoption
    blank = msg.ANNEX_MARK_BLANK
    # a proposal is filled in by the secretariat once adopted: whatever number or date the
    # file already holds is not the act's yet (the checks say so)
    filled = act if plan.plan.status == "adottato" else None
    number = fmt.act_number(filled.number) if filled is not None and filled.number else blank
    return msg.ANNEX_MARK.format(
        annex=resolution_annex(plan),
        organ=msg.ANNEX_MARK_ORGANS[act.organ if act is not None and act.organ else "giunta"],
        number=number,
        date=fmt.long_date(filled.date) if filled is not None and filled.date else blank,
    )


def properties(plan: Plan) -> Properties:
    """The core properties of the plan's document (never from the clock)."""
    info = plan.plan
    comune = _comune(plan)
    if info.office:
        author = msg.AUTHOR_WITH_OFFICE.format(office=info.office, comune=comune)
    elif info.authors:
        author = joined(info.authors)
    else:
        author = comune
    date = plan_dates(plan).document
    created = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else None
    keywords = msg.KEYWORDS.format(comune=plan.comune.name)
    return Properties(
        title=info.title,
        subject=msg.SUBJECT.format(comune=comune),
        author=author,
        keywords=tuple(k.strip() for k in keywords.split(";") if k.strip()),
        category=msg.CATEGORY,
        comments=msg.COMMENTS.format(status=status_label(plan)),
        content_status=status_label(plan),
        version=info.version or "",
        created=created,
    )


def running_header(plan: Plan) -> tuple[str, ...]:
    """The plan's title and the Comune; shorter, "Piano Locale Multisettoriale – Comune
    di …"; "BOZZA – " in front of either for a draft. A plan sent for adoption or adopted
    carries its annex mark, with the short header when there is room."""
    comune = _comune(plan)
    short = msg.HEADER_SHORT.format(comune=comune)
    mark = annex_mark(plan)
    if mark is not None:
        return (msg.HEADER_ANNEX.format(mark=mark, header=short), mark)
    title = msg.HEADER.format(title=" ".join(plan.plan.title.split()), comune=comune)
    return (msg.HEADER_DRAFT.format(header=title), msg.HEADER_DRAFT.format(header=short))


def cover(ctx: Context) -> tuple[Block, ...]:
    """Comune, title, the draft mark, the plan's data, then the table of contents."""
    plan = ctx.plan
    info = plan.plan
    comune_line = ctx.comune
    if plan.comune.province:
        comune_line = msg.COMUNE_WITH_PROVINCE.format(
            comune=comune_line, province=plan.comune.province
        )
    version = open_value(info.version, "plan.version")
    facts: list[tuple[str, Value]] = [(msg.COVER_PERIOD, period(plan))]
    if ctx.draft:
        # A draft has no date of its own: the period says when it applies, the version
        # and its state say which draft it is (the period's start is not its date).
        facts.append(
            (
                msg.COVER_VERSION,
                msg.COVER_DRAFT_VERSION.format(version=plain(version), status=status_label(plan)),
            )
        )
    else:
        facts += [(msg.COVER_STATUS, status_label(plan)), (msg.COVER_VERSION, version)]
    if not ctx.draft or info.adoption is not None:
        facts.append((msg.COVER_ADOPTION, adoption(plan)))
    facts.append((msg.COVER_OFFICE, open_value(info.office, "plan.office")))
    if info.authors:
        facts.append((msg.COVER_AUTHORS, joined(info.authors)))
    if plan.comune.partners:
        facts.append((msg.COVER_PARTNERS, joined(p.name for p in plan.comune.partners)))
    facts.append((msg.COVER_NATIONAL_PLAN, ctx.national.short_title))
    facts.append((msg.COVER_EDITION, msg.EDITIONS[ctx.edition]))
    mark = annex_mark(plan)
    blocks: list[Block] = [Paragraph((Run(mark, bold=True),), "cover")] if mark else []
    blocks += [
        Paragraph((comune_line,), "subtitle"),
        Paragraph((info.title,), "title"),
    ]
    # The usual title already says it: no subtitle repeating it.
    if "multisettoriale" not in info.title.casefold():
        blocks.append(Paragraph((msg.COVER_SUBTITLE,), "subtitle"))
    if ctx.draft:
        mark = msg.DRAFT_MARK if plan.effective_status == "bozza" else msg.DRAFT_MARK_CONSULTATION
        blocks.append(Paragraph((mark,), "draft"))
    blocks += [
        Paragraph((Run(msg.FACT_LABEL.format(label=label), bold=True), value), "cover")
        for label, value in facts
    ]
    blocks.append(Toc(msg.TOC_TITLE, msg.TOC_PLACEHOLDER))
    return tuple(blocks)
