"""Building the draft: the template filled, parsed and checked before anyone writes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from incas_cli.messages import staff as msg
from incas_cli.scaffold.draft import Draft, DraftStakeholder, DraftTable, _Steering
from incas_cli.scaffold.from_plan import _copied_structure
from incas_cli.scaffold.schema_file import SCHEMA_FILE
from incas_cli.scaffold.template import TEMPLATE, _environment

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, ComuneRecord
    from incas_cli.models import Plan


def build_draft(
    comune: ComuneRecord,
    *,
    period: tuple[str, str] | None = None,
    source: Plan | None = None,
    source_name: str | None = None,
    file_name: str = "piano.yaml",
    schema_ref: str = SCHEMA_FILE,
    catalog: Catalog | None = None,
) -> Draft:
    """The text of a valid draft for ``comune`` (checked here before it is returned)."""
    from incas_cli.checks import check_document
    from incas_cli.io import read_yaml_text
    from incas_cli.models import vocab

    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    if source is None:
        stakeholders, steering, tables = _usual_structure(comune, catalog)
        national_plan = catalog.default_national_plan
    else:
        stakeholders, steering, tables = _copied_structure(source, comune, catalog)
        national_plan = source.plan.national_plan
    context: dict[str, Any] = {
        "schema_ref": schema_ref,
        "file_name": file_name,
        "source": source_name,
        "comune": comune,
        "national_plan": national_plan,
        "title": msg.DRAFT_TITLE.format(comune=comune.name),
        "period_start": period[0] if period else None,
        "period_end": period[1] if period else None,
        "stakeholders": stakeholders,
        "steering": steering,
        "tables": tables,
        "statuses": vocab.PLAN_STATUSES,
        "organs": vocab.ADOPTION_ORGANS,
        "relation_kinds": vocab.RELATION_KINDS,
        "indicator_kinds": vocab.INDICATOR_KINDS,
        "engagements": vocab.ENGAGEMENT_LEVELS,
        "levels": vocab.LEVELS,
        "need_areas": list(catalog.need_areas),
        "budget_statuses": vocab.BUDGET_STATUSES,
        "axes": _axes(catalog, national_plan),
    }
    text = _environment().get_template(TEMPLATE).render(**context)
    doc = read_yaml_text(text, file_name)
    result = check_document(doc, catalog=catalog)
    if result.plan is None or not result.ok:
        # Sources are cleaned of what cannot resolve (unknown types, topics, members), so
        # this is a bug in the template or in this module, never a user's mistake.
        raise RuntimeError(
            "plan init produced an invalid draft: "
            + "; ".join(f"{f.code} {f.path}" for f in result.errors)
        )
    from incas_cli.checks import open_fields

    return Draft(
        comune=comune,
        text=text,
        stakeholders=tuple(stakeholders),
        tables=tuple(tables),
        open_fields=len(open_fields(result.plan)),
        warnings=tuple(f.message for f in result.warnings),
    )


def _axes(catalog: Catalog, national_plan: str) -> list[str]:
    """The national plan's axis ids (for a specific objective's ``axis``)."""
    national = catalog.national_plan(national_plan)
    return [axis.id for axis in national.axes] if national is not None else []


def _usual_structure(
    comune: ComuneRecord, catalog: Catalog
) -> tuple[list[DraftStakeholder], _Steering, list[DraftTable]]:
    stakeholders = [
        DraftStakeholder(
            id=s.id,
            name=s.name,
            type=s.type,
            type_label=catalog.actor_types[s.type].label,
            level=s.level,
            role=s.role,
        )
        for s in catalog.usual_stakeholders_for(comune)
    ]
    ids = [s.id for s in stakeholders]
    coordinator = next((s.id for s in stakeholders if s.type == "comune"), ids[0])
    steering = _Steering(msg.DEFAULT_STEERING_NAME, coordinator, tuple(ids))
    return stakeholders, steering, []
