"""Sections about the plan itself: the Comune, the period, the territory, monitoring."""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from typing import Any

from incas_cli.catalog import ComuneRecord
from incas_cli.formats import act_number
from incas_cli.messages import vocab
from incas_cli.messages import wizard as msg
from incas_cli.models.month import YearMonth, as_month
from incas_cli.models.plan import (
    Act,
    Adoption,
    Comune,
    Context,
    Crop,
    DataPoint,
    Monitoring,
    PartnerComune,
    Period,
    Plan,
    PlanInfo,
    Workforce,
)
from incas_cli.models.vocab import DEFAULT_STATUS, FINAL_STATUSES
from incas_cli.wizard.answers import existing_day, iso_date, iso_months, month_names, read_months
from incas_cli.wizard.checking import blocking_at
from incas_cli.wizard.core import Session, show_value, term_choices
from incas_cli.wizard.form import Field
from incas_cli.wizard.lists import Item, ListSpec, Opening, edit_list
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.tree import child_list, child_map, keys_of, new_map

TOP = keys_of(Plan)
_WITH_PROVINCE = re.compile(r"^(?P<name>.+?)\s*\((?P<province>[A-Za-z]{2})\)\s*$")


# --- the Comune ---------------------------------------------------------------------------


def resolve_comune(s: Session, raw: str) -> tuple[ComuneRecord | None, str | None]:
    """An answer (``Saluzzo``, ``Saluzzo (CN)`` or ``004203``) -> the ISTAT record, or why not."""
    text = raw.strip()
    if not text:
        return None, msg.REQUIRED
    if text.isdigit():
        record = s.comuni.by_code(text.zfill(6))
        if record is None:
            return None, msg.COMUNE_CODE_UNKNOWN.format(code=text)
        return record, None
    match = _WITH_PROVINCE.match(text)
    if match:
        province = match["province"].upper()
        found = [r for r in s.comuni.by_name(match["name"]) if r.province == province]
        if len(found) == 1:
            return found[0], None
    found = s.comuni.by_name(text)
    if len(found) == 1:
        return found[0], None
    if len(found) > 1:
        names = msg.OR.join(r.display_name for r in found)
        return None, msg.COMUNE_AMBIGUOUS.format(names=names)
    # The start of a name that only one Comune has (the single entry of the menu shown
    # while typing): that Comune, confirmed on screen by the line that follows.
    started = s.comuni.search(text, 2)
    if len(started) == 1:
        return started[0], None
    suggestions = _shorter_names(s, text) or s.comuni.suggest(text, 3)
    if suggestions:
        names = msg.OR.join(r.display_name for r in suggestions)
        return None, msg.COMUNE_UNKNOWN_SUGGEST.format(name=text, names=names)
    return None, msg.COMUNE_UNKNOWN.format(name=text)


def _shorter_names(s: Session, text: str) -> list[ComuneRecord]:
    """Comuni named by the first words of the answer («San Severo di Puglia»: San Severo,
    a name with the region or province added)."""
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        found = s.comuni.by_name(" ".join(words[:cut]))
        if found:
            return found[:3]
    return []


def _ask_comune(s: Session, message: str, default: str | None) -> ComuneRecord:
    answer = s.prompter.autocomplete(
        message,
        lambda typed: [r.display_name for r in s.comuni.search(typed, 12)],
        default=default,
        validate=lambda raw: resolve_comune(s, raw)[1],
        instruction=msg.COMUNE_HINT,
    )
    record, _ = resolve_comune(s, answer)
    assert record is not None  # the validator accepted it
    return record


def comune_step(s: Session) -> list[Field]:
    """Which Comune (ISTAT list), partner Comuni, the national plan and the title."""
    comune = child_map(s.data, "comune", TOP)
    info = child_map(s.data, "plan", TOP)

    def ask_comune() -> None:
        current = s.comune_record()
        default = current.display_name if current else (show_value(comune.get("name")) or None)
        record = _ask_comune(s, msg.ASK_COMUNE, default)
        s.set(comune, Comune, "name", record.name)
        s.set(comune, Comune, "istat_code", record.istat_code)
        s.set(comune, Comune, "province", record.province)
        s.set(comune, Comune, "region", record.region)
        s.say(
            msg.COMUNE_FOUND.format(
                name=record.name,
                code=record.istat_code,
                province=record.province_name,
                sigla=record.province,
                region=record.region,
            )
        )

    def ask_partners() -> None:
        record = s.comune_record()
        if s.full and record is not None:
            _partners(s, comune, record)

    def ask_national_plan() -> None:
        plans = s.catalog.national_plans
        if len(plans) > 1 and (s.full or "national_plan" not in info):
            s.ask_select(
                info,
                PlanInfo,
                "national_plan",
                msg.ASK_NATIONAL_PLAN,
                [Choice(p.title, p.id) for p in plans.values()],
                default=s.catalog.default_national_plan,
            )
        else:
            s.set_default(info, PlanInfo, "national_plan", s.catalog.default_national_plan)

    def ask_title() -> None:
        record = s.comune_record()
        title = msg.DEFAULT_TITLE.format(comune=record.name if record else "")
        if s.full:
            s.ask_text(info, PlanInfo, "title", msg.ASK_TITLE, required=True, default=title)
        else:
            s.set_default(info, PlanInfo, "title", title)
        s.save()

    return [
        Field(None, ask_comune),
        Field(None, ask_partners),
        Field(None, ask_national_plan),
        Field(None, ask_title),
    ]


def _partners(s: Session, comune: MutableMapping[str, Any], record: ComuneRecord) -> None:
    partners = child_list(comune, "partners", keys_of(Comune))

    def opener(opening: Opening) -> Item | str | None:
        answer = s.prompter.autocomplete(
            msg.ASK_PARTNER,
            lambda typed: [r.display_name for r in s.comuni.search(typed, 12)],
            validate=lambda raw: None if not raw.strip() else _partner_error(s, raw, record),
            instruction=msg.PARTNER_SKIP,
        )
        if not answer.strip():
            return None
        found, _ = resolve_comune(s, answer)
        assert found is not None
        item = new_map()
        s.set(item, PartnerComune, "name", found.name)
        s.set(item, PartnerComune, "istat_code", found.istat_code)
        return item

    def fields(item: Item, new: bool) -> list[Field]:
        def name() -> str:
            return show_value(item.get("name"))

        def ask() -> None:
            found = _ask_comune(s, msg.ASK_PARTNER_EDIT, name() or None)
            s.set(item, PartnerComune, "name", found.name)
            s.set(item, PartnerComune, "istat_code", found.istat_code)

        def ask_role() -> None:
            s.ask_text(item, PartnerComune, "role", msg.ASK_PARTNER_ROLE.format(name=name()))

        def ask_adhesion() -> None:
            act = child_map(item, "adhesion", keys_of(PartnerComune))
            s.ask_select(
                act,
                Act,
                "organ",
                msg.ASK_ADHESION_ORGAN.format(name=name()),
                term_choices(vocab.ADOPTION_ORGANS, undecided=True),
            )
            if act.get("organ"):
                s.ask_text(act, Act, "number", msg.ASK_ADHESION_NUMBER, rewrite=act_number)
                s.ask_text(
                    act,
                    Act,
                    "date",
                    msg.ASK_ADHESION_DATE,
                    instruction=msg.DATE_HINT,
                    rewrite=iso_date,
                    read=existing_day,
                )
            if not act:
                del item["adhesion"]

        def shown_adhesion() -> str:
            act = item.get("adhesion")
            if not isinstance(act, MutableMapping):
                return ""
            return " ".join(show_value(v) for v in act.values() if v)

        return [
            Field(msg.FIELD_NAME, ask, name),
            Field(msg.FIELD_ROLE, ask_role, lambda: show_value(item.get("role"))),
            Field(msg.FIELD_ADHESION, ask_adhesion, shown_adhesion),
        ]

    spec = ListSpec(
        menu=msg.MENU_PARTNERS,
        add=msg.MENU_ADD_PARTNER,
        label=lambda item: show_value(item.get("name")),
        opener=opener,
        fields=fields,
        save_each=False,
    )
    edit_list(s, partners, spec)
    if not partners:
        del comune["partners"]


def _partner_error(s: Session, raw: str, own: ComuneRecord) -> str | None:
    found, error = resolve_comune(s, raw)
    if error is not None:
        return error
    if found is not None and found.istat_code == own.istat_code:
        return msg.PARTNER_IS_OWN
    return None


# --- period and status --------------------------------------------------------------------


def period_step(s: Session) -> list[Field]:
    """The plan's period, status, version, adoption, office and authors."""
    info = child_map(s.data, "plan", TOP)
    period = child_map(info, "period", keys_of(PlanInfo))

    def ask_start() -> None:
        s.ask_text(
            period,
            Period,
            "start",
            msg.ASK_PERIOD_START,
            instruction=msg.MONTH_HINT,
            skip=msg.OPEN_HINT,
            rewrite=iso_months,
        )

    def end_rule(value: Any) -> str | None:
        candidate = s.plain()
        candidate.setdefault("plan", {}).setdefault("period", {})["end"] = value
        return blocking_at(candidate, [("plan", "period", "end")], ["END_BEFORE_START"])

    def ask_end() -> None:
        s.ask_text(
            period,
            Period,
            "end",
            msg.ASK_PERIOD_END,
            instruction=msg.MONTH_HINT,
            skip=msg.OPEN_HINT,
            rewrite=iso_months,
            extra=end_rule,
        )

    def ask_status() -> None:
        if not s.full:
            s.set_default(info, PlanInfo, "status", DEFAULT_STATUS)
            s.set_default(info, PlanInfo, "version", msg.DEFAULT_VERSION)
            return
        status = s.ask_select(
            info,
            PlanInfo,
            "status",
            msg.ASK_STATUS,
            term_choices(vocab.PLAN_STATUSES),
            default=DEFAULT_STATUS,
        )
        if status in FINAL_STATUSES:
            _adoption(s, info, adopted=status == "adottato")
            _final_check(s, str(status))

    def full_text(name: str, question: str, **options: Any) -> Callable[[], None]:
        def ask() -> None:
            if s.full:
                s.ask_text(info, PlanInfo, name, question, **options)

        return ask

    def tidy() -> None:
        if not period and "period" in info:
            del info["period"]

    return [
        Field(None, ask_start),
        Field(None, ask_end),
        Field(None, tidy),
        Field(None, ask_status),
        Field(None, full_text("version", msg.ASK_VERSION, default=msg.DEFAULT_VERSION)),
        Field(None, full_text("office", msg.ASK_OFFICE, instruction=msg.OFFICE_EXAMPLE)),
        Field(
            None,
            full_text("authors", msg.ASK_AUTHORS, as_list=True, instruction=msg.AUTHORS_HINT),
        ),
    ]


def _adoption(s: Session, info: MutableMapping[str, Any], *, adopted: bool) -> None:
    """The resolution: the organ that adopts the plan; its number and date once adopted
    (a ``proposta`` leaves them blank on the annex mark)."""
    adoption = child_map(info, "adoption", keys_of(PlanInfo))
    s.ask_select(
        adoption,
        Adoption,
        "organ",
        msg.ASK_ADOPTION_ORGAN if adopted else msg.ASK_PROPOSAL_ORGAN,
        term_choices(vocab.ADOPTION_ORGANS),
        default="giunta",
    )
    if not adopted:
        return
    s.ask_text(adoption, Adoption, "number", msg.ASK_ADOPTION_NUMBER, rewrite=act_number)
    s.ask_text(
        adoption,
        Adoption,
        "date",
        msg.ASK_ADOPTION_DATE,
        instruction=msg.DATE_HINT,
        rewrite=iso_date,
        read=existing_day,
    )


def _final_check(s: Session, status: str) -> None:
    """A plan sent for adoption or adopted is checked as ``--final`` checks it: say what
    that check finds now (the summary at the end lists it)."""
    from incas_cli.checks import check_data

    _, findings = check_data(s.plain(), final=True, catalog=s.catalog)
    errors = sum(1 for f in findings if f.blocking)
    label = vocab.PLAN_STATUSES[status].label
    if errors:
        s.say(msg.FINAL_STATUS_OPEN.format(status=label, errors=errors))
    else:
        s.say(msg.FINAL_STATUS_READY.format(status=label))


# --- territory ----------------------------------------------------------------------------


def territory_step(s: Session) -> list[Field]:
    """Description, crops and their peak months, workforce, settlements, services, sources."""
    ctx = child_map(s.data, "context", TOP)

    def fields(item: Item, new: bool) -> list[Field]:
        def crop() -> str:
            return show_value(item.get("name"))

        def ask_name() -> None:
            s.ask_text(item, Crop, "name", msg.ASK_CROP_NAME_EDIT, required=True)

        def ask_months() -> None:
            # Typed, not ticked: planners write months the way they say them ("agosto;
            # settembre", "giugno-agosto"), and letters typed into a list of checkboxes
            # ticked the wrong months without a word.
            s.ask_text(
                item,
                Crop,
                "peak_months",
                msg.ASK_CROP_MONTHS.format(crop=crop()),
                instruction=msg.PEAK_MONTHS_HINT,
                read=read_months,
                show=month_names,
            )

        def ask_workers() -> None:
            s.ask_text(
                item,
                Crop,
                "workers",
                msg.ASK_CROP_WORKERS.format(crop=crop()),
                skip=msg.UNKNOWN_HINT,
                number=True,
            )

        return [
            Field(msg.FIELD_NAME, ask_name, crop),
            Field(msg.FIELD_MONTHS, ask_months, lambda: month_names(item.get("peak_months") or [])),
            Field(msg.FIELD_WORKERS, ask_workers, lambda: show_value(item.get("workers"))),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        first = not ctx.get("crops")
        name = s.ask_text(
            item,
            Crop,
            "name",
            msg.ASK_CROP_NAME if first else msg.ASK_CROP_NAME_NEXT,
            instruction=msg.CROP_EXAMPLE if first else None,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if name is not None else None

    def ask_description() -> None:
        s.ask_text(ctx, Context, "description", msg.ASK_CONTEXT_DESCRIPTION, multiline=True)

    def ask_crops() -> None:
        crops_now = child_list(ctx, "crops", keys_of(Context))
        edit_list(
            s,
            crops_now,
            ListSpec(
                menu=msg.MENU_CROPS,
                add=msg.MENU_ADD_CROP,
                label=lambda item: show_value(item.get("name")),
                opener=opener,
                fields=fields,
            ),
        )
        if not crops_now:
            del ctx["crops"]

    def ask_workforce() -> None:
        if not s.full:
            return
        workforce = child_map(ctx, "workforce", keys_of(Context))
        for name, question in msg.ASK_WORKFORCE.items():
            s.ask_text(workforce, Workforce, name, question, skip=msg.UNKNOWN_HINT, number=True)
        if not workforce:
            del ctx["workforce"]

    def full_text(name: str, question: str, **options: Any) -> Callable[[], None]:
        def ask() -> None:
            if s.full:
                s.ask_text(ctx, Context, name, question, **options)

        return ask

    def ask_data() -> None:
        if s.full:
            _data_points(s, ctx)

    return [
        Field(None, ask_description),
        Field(None, ask_crops),
        Field(None, ask_workforce),
        Field(None, full_text("settlements", msg.ASK_SETTLEMENTS, multiline=True)),
        Field(None, full_text("services", msg.ASK_SERVICES, multiline=True)),
        Field(
            None,
            full_text("sources", msg.ASK_SOURCES, as_list=True, instruction=msg.LIST_HINT),
        ),
        Field(None, full_text("phenomenon", msg.ASK_PHENOMENON, multiline=True)),
        Field(None, ask_data),
        Field(None, full_text("gender", msg.ASK_GENDER, multiline=True)),
    ]


def _data_points(s: Session, ctx: Item) -> None:
    """Figures about the phenomenon, each with its year and source."""
    points = child_list(ctx, "data", keys_of(Context))

    def fields(item: Item, new: bool) -> list[Field]:
        def label() -> str:
            return show_value(item.get("label"))

        def text(key: str, question: str, **options: Any) -> Callable[[], None]:
            def ask() -> None:
                s.ask_text(item, DataPoint, key, question.format(label=label()), **options)

            return ask

        def shown(key: str) -> Callable[[], str]:
            return lambda: show_value(item.get(key))

        return [
            Field(msg.FIELD_LABEL, text("label", msg.ASK_DATA_LABEL_EDIT, required=True), label),
            Field(msg.FIELD_VALUE, text("value", msg.ASK_DATA_VALUE, number=True), shown("value")),
            Field(msg.FIELD_UNIT, text("unit", msg.ASK_DATA_UNIT), shown("unit")),
            Field(msg.FIELD_YEAR, text("year", msg.ASK_DATA_YEAR, number=True), shown("year")),
            Field(msg.FIELD_SOURCE, text("source", msg.ASK_DATA_SOURCE), shown("source")),
        ]

    def opener(opening: Opening) -> Item | str | None:
        item = new_map()
        label = s.ask_text(
            item,
            DataPoint,
            "label",
            msg.ASK_DATA_LABEL,
            instruction=msg.DATA_EXAMPLE,
            skip=msg.ENTER_TO_FINISH,
        )
        return item if label is not None else None

    edit_list(
        s,
        points,
        ListSpec(
            menu=msg.MENU_DATA,
            add=msg.MENU_ADD_DATA,
            label=lambda item: show_value(item.get("label")),
            opener=opener,
            fields=fields,
            save_each=False,
        ),
    )
    if not points:
        del ctx["data"]


# --- monitoring ---------------------------------------------------------------------------


def suggested_reviews(start: str | None, end: str | None) -> list[str]:
    """One review each December inside the period, and one at its end."""
    first, last = as_month(start), as_month(end)
    if first is None or last is None or last < first:
        return []
    reviews = [YearMonth.of(year, 12) for year in range(first.year, last.year + 1)]
    reviews = [r for r in reviews if first <= r <= last]
    if last not in reviews:
        reviews.append(last)
    return [str(r) for r in reviews]


def monitoring_step(s: Session) -> list[Field]:
    """Review months and how progress is reported."""
    monitoring = child_map(s.data, "monitoring", TOP)

    def ask_reviews() -> None:
        start, end = s.period()
        default = msg.LIST_SEPARATOR.join(suggested_reviews(start, end)) or None
        reviews = s.ask_text(
            monitoring,
            Monitoring,
            "reviews",
            msg.ASK_REVIEWS,
            default=default,
            as_list=True,
            separators=";, ",
            rewrite=iso_months,
            instruction=msg.MONTHS_LIST_HINT,
        )
        # Outside the period is a warning for `plan validate` too: said, not refused.
        if reviews and start and end:
            for month in reviews:
                if not start <= month <= end:
                    s.say(msg.REVIEW_OUTSIDE.format(month=month, start=start, end=end))

    def ask_reporting() -> None:
        if s.full:
            s.ask_text(monitoring, Monitoring, "reporting", msg.ASK_REPORTING, multiline=True)

    return [Field(None, ask_reviews), Field(None, ask_reporting)]
