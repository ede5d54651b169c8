"""Checking a plan: structure (pydantic) then cross-field rules, as findings.

``check_document`` is the one path from a loaded YAML file to a checked plan, shared by
``plan validate``, ``plan render``, ``plan build``, ``plan status`` and the wizard.
Checks return findings; they never raise for user data. The caller decides what blocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from incas_cli.checks.completeness import OpenField, open_fields
from incas_cli.checks.findings import Finding, Severity, error, format_path, warning
from incas_cli.messages import checks as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.io import YamlDocument
    from incas_cli.models import Plan

__all__ = [
    "CheckResult",
    "Finding",
    "OpenField",
    "Severity",
    "check_data",
    "check_document",
    "check_plan",
    "format_path",
    "open_fields",
    "schema_version_findings",
]


# open fields that a rule already reports with its own, more specific code
_REPORTED_BY_RULES = frozenset(
    {"measure.budget", "measure.indicators", "stakeholder.draft", "need.draft", "measure.draft"}
)

# Open fields of the v1 additions that adoption requires (see completeness.py for which and
# why). A plan adopted before they existed is the record of an act already taken: it stays
# valid (warnings say what its next version should add); `--final` and a plan being sent
# for adoption (`proposta`) require them.
_REQUIRED_SINCE_V1_ADDITIONS = frozenset(
    {
        "context.phenomenon",
        "strategy.general_objective",
        "strategy.specific_objectives",
        "organization.manager",
    }
)


@dataclass
class CheckResult:
    """A checked file: the plan (None if its structure is broken) and all findings."""

    name: str
    plan: Plan | None
    findings: list[Finding] = field(default_factory=list)
    final: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocking]

    @property
    def ok(self) -> bool:
        return self.plan is not None and not self.errors


def schema_version_findings(data: dict[str, Any]) -> list[Finding]:
    """``schema_version`` missing or not 1 (a plan file or any v1 file beside it)."""
    if "schema_version" not in data:
        return [
            error(
                "SCHEMA_VERSION_MISSING",
                (),
                msg.SCHEMA_VERSION_MISSING,
                msg.SCHEMA_VERSION_MISSING_HINT,
            )
        ]
    value = data["schema_version"]
    if (value == 1 and not isinstance(value, bool)) or value == "1":
        return []
    return [
        error(
            "UNSUPPORTED_SCHEMA_VERSION",
            ("schema_version",),
            msg.UNSUPPORTED_SCHEMA_VERSION.format(value=value),
            msg.UNSUPPORTED_SCHEMA_VERSION_HINT,
        )
    ]


def check_plan(
    plan: Plan,
    *,
    final: bool = False,
    catalog: Catalog | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Cross-field rules on a structurally valid plan (no positions).

    A plan in a final status (``proposta``, ``adottato``) is always checked as ``final``
    asks: it is the text the Giunta or the Consiglio adopts and the Comune publishes, so
    nothing in it may still be open. ``today`` (the clock when None) is the day a
    resolution's date may not come after.
    """
    from incas_cli.catalog import load_catalog, load_comuni
    from incas_cli.checks.content import CONTENT_RULES
    from incas_cli.checks.rules import RULES, RuleContext

    lenient_adopted = not final and plan.effective_status == "adottato"
    final = final or plan.final
    ctx = RuleContext(
        plan, catalog or load_catalog(), load_comuni(), final, today or dt.date.today()
    )
    found = [f for rule in (*RULES, *CONTENT_RULES) for f in rule(ctx)]
    if final:
        for o in open_fields(plan):
            if o.kind in _REPORTED_BY_RULES:
                continue
            if lenient_adopted and o.kind in _REQUIRED_SINCE_V1_ADDITIONS:
                found.append(
                    warning(
                        "OPEN_FIELD",
                        o.loc,
                        msg.OPEN_FIELD_ADOPTED.format(label=o.label),
                        msg.OPEN_FIELD_ADOPTED_HINT,
                    )
                )
            else:
                found.append(
                    error(
                        "OPEN_FIELD",
                        o.loc,
                        msg.OPEN_FIELD_FINAL.format(label=o.label),
                        msg.OPEN_FIELD_FINAL_HINT,
                    )
                )
    return found


def check_data(
    data: Any,
    *,
    final: bool = False,
    catalog: Catalog | None = None,
    today: dt.date | None = None,
) -> tuple[Plan | None, list[Finding]]:
    """Structure then rules on plain data (as from ``YamlDocument.plain()``)."""
    from incas_cli.checks.structure import parse_plan

    if not isinstance(data, dict):
        return None, [
            error("INVALID_VALUE", (), msg.DETAIL_MAPPING.format(value=type(data).__name__))
        ]
    found = schema_version_findings(data)
    if any(f.code == "UNSUPPORTED_SCHEMA_VERSION" for f in found):
        return None, found
    from incas_cli.monitor.files import is_report_data

    if is_report_data(data):  # given by name to a plan command
        return None, [
            error(
                "NOT_A_PLAN", ("report",), msg.REPORT_NOT_PLAN, msg.REPORT_NOT_PLAN_HINT, key=True
            )
        ]
    payload = {**data, "schema_version": 1}
    plan, structural = parse_plan(payload)
    found += structural
    if plan is not None:
        found += check_plan(plan, final=final, catalog=catalog, today=today)
    return plan, found


def locate(findings: Sequence[Finding], doc: YamlDocument) -> list[Finding]:
    """Attach ``file:line:col`` to findings and sort them by position."""
    located = [f.located(doc.name, *doc.position(f.loc, key=f.key)) for f in findings]
    return sorted(located, key=lambda f: (f.line or 0, f.column or 0, f.code))


def check_document(
    doc: YamlDocument,
    *,
    final: bool = False,
    catalog: Catalog | None = None,
    today: dt.date | None = None,
) -> CheckResult:
    from incas_cli.checks.comments import comment_findings

    plan, findings = check_data(doc.plain(), final=final, catalog=catalog, today=today)
    final = final or (plan is not None and plan.final)
    return CheckResult(doc.name, plan, locate([*findings, *comment_findings(doc)], doc), final)
