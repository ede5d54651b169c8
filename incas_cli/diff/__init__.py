"""What changed between two versions of a plan, in the plan's own terms. Never prints.

``diff_plans(old, new, catalog=...)`` compares two checked plans: the plan's own data
(title, period, status, version, adoption, ...), measures matched by id and compared
field by field, stakeholders and needs added, removed or changed, the budget by funding
source and by axis of the national plan (a measure's budget goes to the axis of its
primary action, the first of ``actions``), and which national priority actions are
covered by at least one measure before and after: those figures are each version's
:class:`incas_cli.facts.PlanFacts`, the same as its document shows. Other sections
(context, governance, process, ...) are reported as changed or not, without detail.
Which fields are compared is derived from the models (:mod:`incas_cli.diff.fields`).

Changes are compared in the plan's terms, not as text: comments, key order, quoting and
the order of unordered lists (needs and partners of a measure) do not count; the order of
``actions`` does (the first is the primary one), and so does the order of measures,
stakeholders and needs (it is the order of the document).

``report(diff)`` turns a diff into titled sections of Italian tables, shared by the
terminal (``incas plan diff``) and the Word annex (``incas_cli.document.diff_annex``,
written through the pipeline);
``changelog_entries`` gives the rows of the "Registro delle versioni" annex, and
``without_ratings`` what the public edition may say (no rating of a named organisation).
Personal data (the contact of a stakeholder) is never shown: only that it changed.
"""

from incas_cli.diff.changelog import (
    change_summary,
    changelog_entries,
    register_summary,
    version_date,
    without_ratings,
)
from incas_cli.diff.compare import diff_plans, same_comune
from incas_cli.diff.result import (
    JSON_FORMAT_VERSION,
    ActionStatus,
    AmountRow,
    BudgetDiff,
    CollectionDiff,
    CoverageDiff,
    FieldChange,
    Item,
    ItemChange,
    PlanDiff,
)
from incas_cli.diff.tables import ReportSection, ReportTable, report

__all__ = [
    "JSON_FORMAT_VERSION",
    "ActionStatus",
    "AmountRow",
    "BudgetDiff",
    "CollectionDiff",
    "CoverageDiff",
    "FieldChange",
    "Item",
    "ItemChange",
    "PlanDiff",
    "ReportSection",
    "ReportTable",
    "change_summary",
    "changelog_entries",
    "diff_plans",
    "register_summary",
    "report",
    "same_comune",
    "version_date",
    "without_ratings",
]
