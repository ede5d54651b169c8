"""The national catalogue: packaged data, its model and lookups.

- :func:`load_catalog` -> :class:`Catalog`: national plans (axes, priority actions,
  thematic and transversal areas, typical measures), actor types, need areas, engagement
  levels, stakeholder levels, funding sources, the usual stakeholders of a local plan.
- :func:`load_comuni` -> :class:`ComuniIndex`: ISTAT's list of Comuni.

Both are read once per process. A new national plan is a new file in
``incas_cli/catalog/data/plans/``; :func:`load_catalog_from` reads a folder laid out the
same way (for tests and for trying a draft plan file).

This module imports nothing heavy: the names below are resolved on first use, so that
``incas --help`` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from incas_cli.catalog.comuni import (
        ComuniIndex,
        ComuniSource,
        comuni_source,
        load_comuni,
        load_comuni_from,
    )
    from incas_cli.catalog.loader import (
        load_catalog,
        load_catalog_from,
        load_national_plan,
    )
    from incas_cli.catalog.model import (
        ActorType,
        ApprovalStep,
        Axis,
        Catalog,
        ComuneRecord,
        EngagementLevel,
        FundingSource,
        NationalPlan,
        NeedArea,
        Period,
        PlanArea,
        PriorityAction,
        Source,
        StakeholderLevel,
        SuggestedStakeholder,
        TypicalMeasure,
        UsualStakeholder,
    )
    from incas_cli.catalog.names import normalize_name

__all__ = [
    "ActorType",
    "ApprovalStep",
    "Axis",
    "Catalog",
    "ComuneRecord",
    "ComuniIndex",
    "ComuniSource",
    "EngagementLevel",
    "FundingSource",
    "NationalPlan",
    "NeedArea",
    "Period",
    "PlanArea",
    "PriorityAction",
    "Source",
    "StakeholderLevel",
    "SuggestedStakeholder",
    "TypicalMeasure",
    "UsualStakeholder",
    "comuni_source",
    "load_catalog",
    "load_catalog_from",
    "load_comuni",
    "load_comuni_from",
    "load_national_plan",
    "normalize_name",
]

_HOMES = {
    "comuni": ("ComuniIndex", "ComuniSource", "comuni_source", "load_comuni", "load_comuni_from"),
    "loader": ("load_catalog", "load_catalog_from", "load_national_plan"),
    "names": ("normalize_name",),
}
_WHERE = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_WHERE.get(name, 'model')}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
