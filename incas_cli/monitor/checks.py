"""Checking monitoring reports: structure (pydantic), then the rules against their plan.

``check_report`` is the one path from a report file to a checked report, shared by
``monitor validate``, ``monitor status`` and ``monitor report``. Its result is the same
:class:`~incas_cli.batch.Outcome` as ``plan validate``'s, so findings print and serialise
(``--json``) alike: ``file:line:col: livello [CODICE] percorso: messaggio``.

Exit codes follow ``plan validate``: a report (or the plan it names) that cannot be read is
a failure (1); blocking findings are 3.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from incas_cli.batch import Outcome, Status
from incas_cli.checks import CheckResult, schema_version_findings
from incas_cli.checks.findings import Finding, error
from incas_cli.errors import IncasError, InputError
from incas_cli.formats import shell_word
from incas_cli.messages import monitor as msg

if TYPE_CHECKING:
    from incas_cli.io import YamlDocument
    from incas_cli.models import Plan
    from incas_cli.monitor.model import MonitoringReport

__all__ = [
    "PlanSource",
    "ReportCheckResult",
    "check_report",
    "check_report_document",
    "check_report_files",
    "check_reports",
    "load_plan",
]


@dataclass
class ReportCheckResult(CheckResult):
    """A checked report: ``plan`` is the plan it names (when readable), ``report`` the
    report itself (None if its structure is broken)."""

    report: MonitoringReport | None = None
    plan_path: Path | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None and self.plan is not None and not self.errors


PLANS_KEPT = 16
"""Plans a :class:`PlanSource` keeps checked: the reports of one plan come together
(``comune/piano.yaml`` beside its reports), and thousands of reports of thousands of
plans do not keep every plan."""


@dataclass
class PlanSource:
    """Plans read once per command, by resolved path (several reports name one plan); the
    last :data:`PLANS_KEPT` used are kept, so a plan whose reports are far apart in the
    command's files may be read again (with the same result).

    ``given``: the plan named on the command line (``monitor status PLAN``); a report that
    names another file is a report for another plan.
    """

    given: Path | None = None
    _cache: OrderedDict[Path, CheckResult] = field(default_factory=OrderedDict)

    def result(self, path: Path) -> CheckResult:
        """The plan at ``path`` checked (``IncasError`` when it cannot be read)."""
        key = _resolved(path)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        from incas_cli.checks import check_document
        from incas_cli.io import read_yaml

        checked = self._cache[key] = check_document(read_yaml(path))
        if len(self._cache) > PLANS_KEPT:
            self._cache.popitem(last=False)
        return checked


def load_plan(path: Path, plans: PlanSource | None = None) -> Plan:
    """A plan for ``monitor status``/``report``: read and structurally valid, else an
    ``IncasError`` (1 unreadable, 3 broken)."""
    from incas_cli.errors import ChecksFailed, UsageError

    result = (plans or PlanSource()).result(path)
    if any(f.code == "NOT_A_PLAN" for f in result.findings):  # arguments swapped
        raise UsageError(
            msg.PLAN_IS_REPORT.format(path=path), hint=msg.PLAN_IS_REPORT_HINT.format(path=path)
        )
    if result.plan is None:
        raise ChecksFailed(
            msg.PLAN_INVALID.format(path=path),
            hint=msg.PLAN_INVALID_HINT.format(path=shell_word(path)),
        )
    return result.plan


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def check_reports(paths: list[Path], plans: PlanSource | None = None) -> list[Outcome]:
    source = plans or PlanSource()
    return [check_report(p, source) for p in paths]


def check_report_files(paths: list[Path], plans: PlanSource | None = None) -> list[Outcome]:
    """Outcomes of ``paths`` with their findings, without the reports and their plans
    (``monitor validate``): a check of thousands of reports keeps only what it prints.
    Each outcome's status says whether its report passed (its result's ``ok`` no longer
    can: it needs the report)."""
    source = plans or PlanSource()
    outcomes = []
    for path in paths:
        outcome = check_report(path, source)
        if isinstance(outcome.result, ReportCheckResult):
            outcome.result.plan = outcome.result.report = None
        outcomes.append(outcome)
    return outcomes


def check_report(path: Path, plans: PlanSource | None = None) -> Outcome:
    """One report file checked against the plan it names (or the one given)."""
    from incas_cli.io import read_yaml

    plans = plans or PlanSource()
    name = str(path)
    try:
        doc = read_yaml(path)
    except IncasError as err:
        return Outcome(name, Status.FAILED, error=_about_a_report(err, path))
    try:
        result = check_report_document(doc, path, plans)
    except IncasError as err:
        return Outcome(name, Status.FAILED, error=err)
    return Outcome(name, Status.OK if result.ok else Status.INVALID, result=result)


def _about_a_report(err: IncasError, path: Path) -> IncasError:
    """The reader's hints speak of plans (``incas plan new``); for a report file that is
    missing, a folder or empty, the hint names what makes a report."""
    from incas_cli.messages import io as io_msg

    hints = {
        io_msg.NOT_FOUND: msg.REPORT_NOT_FOUND_HINT,
        io_msg.IS_DIRECTORY: msg.REPORT_IS_DIRECTORY_HINT.format(folder=path),
        io_msg.EMPTY: msg.REPORT_EMPTY_HINT,
    }
    if err.message in hints and "\\" not in str(path):  # a Windows path keeps its own hint
        err.hint = hints[err.message]
    return err


def check_report_document(doc: YamlDocument, path: Path, plans: PlanSource) -> ReportCheckResult:
    """A parsed report checked; ``path`` is where it is (or will be) on disk."""
    from pydantic import ValidationError

    from incas_cli.checks import locate
    from incas_cli.checks.comments import comment_findings
    from incas_cli.checks.structure import findings_from_validation_error
    from incas_cli.messages.checks import SCHEMA_COMMAND_MONITOR
    from incas_cli.monitor.model import MonitoringReport, parse_report
    from incas_cli.monitor.rules import check_against_plan

    data = doc.plain()
    result = ReportCheckResult(doc.name, None)
    if not isinstance(data, dict):
        result.findings = locate([error("INVALID_VALUE", (), msg.NOT_A_REPORT)], doc)
        return result
    found = schema_version_findings(data)
    if any(f.code == "UNSUPPORTED_SCHEMA_VERSION" for f in found):
        result.findings = locate(found, doc)
        return result
    if "monitoring" in data and "report" not in data:
        found.append(
            error("NOT_A_REPORT", ("monitoring",), msg.PLAN_NOT_REPORT, msg.PLAN_NOT_REPORT_HINT)
        )
        result.findings = locate(found, doc)
        return result
    try:
        report = parse_report({**data, "schema_version": 1})
    except ValidationError as exc:
        report = None
        found += findings_from_validation_error(exc, MonitoringReport, SCHEMA_COMMAND_MONITOR)
    result.report = report
    if report is not None:
        plan, plan_found = _plan_of(report, doc, path, plans)
        result.plan, result.plan_path = plan, path.parent / report.report.plan.file
        found += plan_found
        if plan is not None:
            found += check_against_plan(report, plan)
    result.findings = locate([*found, *comment_findings(doc)], doc)
    return result


def _plan_of(
    report: MonitoringReport, doc: YamlDocument, path: Path, plans: PlanSource
) -> tuple[Plan | None, list[Finding]]:
    """The plan the report names, relative to the report's folder."""
    where = ("report", "plan", "file")
    written = report.report.plan.file
    named = path.parent / written
    if plans.given is not None and _resolved(named) != _resolved(plans.given):
        return None, [
            error(
                "REPORT_FOR_OTHER_PLAN",
                where,
                msg.REPORT_FOR_OTHER_PLAN.format(named=_shown(named), given=plans.given),
                _relative_hint(path, written, plans.given) or msg.REPORT_FOR_OTHER_PLAN_HINT,
            )
        ]
    try:
        result = plans.result(named)
    except IncasError as err:
        from incas_cli.messages import io as io_msg

        line, column = doc.position(where)
        hint = err.hint or msg.PLAN_UNREADABLE_HINT
        if err.message == io_msg.NOT_FOUND:
            hint = next(
                (
                    h
                    for c in _plan_candidates(path, written)
                    if (h := _relative_hint(path, written, c))
                ),
                msg.PLAN_UNREADABLE_HINT,
            )
        raise InputError(
            msg.PLAN_UNREADABLE.format(path=_shown(named), detail=err.message),
            hint=hint,
            file=doc.name,
            line=line,
            column=column,
        ) from None
    if result.plan is None:
        return None, [
            error(
                "PLAN_INVALID",
                where,
                msg.PLAN_INVALID.format(path=report.report.plan.file),
                msg.PLAN_INVALID_HINT.format(path=shell_word(named)),
            )
        ]
    return result.plan, []


def _shown(named: Path) -> str:
    """The plan a report names, as a path from where the command runs: the report's
    folder joined to ``report.plan.file``, ``..`` folded (``relazioni/../piano.yaml`` is
    ``piano.yaml``)."""
    import os

    return os.path.normpath(named)


def _plan_candidates(report: Path, written: str) -> list[Path]:
    """Where the plan a report names may be when it is not where ``report.plan.file`` says:
    the path as written, from the working folder (written from there instead of from the
    report's folder), then a file of its name in the folders above the report's."""
    name = Path(written).name
    return [Path(written), *(folder / name for folder in list(report.parent.parents)[:3])]


def _relative_hint(report: Path, written: str, plan: Path) -> str | None:
    """What to write in ``report.plan.file`` for ``plan`` (a path from where the command
    runs) when ``written`` is not already that: a path written from the working folder
    instead of the report's is the usual slip. None when ``plan`` is not a file."""
    import os

    try:
        if not plan.is_file():
            return None
        relative = Path(os.path.relpath(plan, report.parent)).as_posix()
    except (OSError, ValueError):  # another drive on Windows, a name the system refuses
        return None
    if relative == Path(written).as_posix():
        return None
    return msg.PLAN_FILE_RELATIVE_HINT.format(folder=report.parent, plan=plan, written=relative)


def series(outcomes: list[Outcome]) -> list[MonitoringReport]:
    """The reports of checked outcomes, by period; overlapping periods are an error (3).
    Call it once every outcome is ok."""
    from incas_cli.errors import ChecksFailed

    checked = [
        (o.name, o.result.report)
        for o in outcomes
        if isinstance(o.result, ReportCheckResult) and o.result.report is not None
    ]
    checked.sort(key=lambda pair: (pair[1].report.period.start, pair[1].report.period.end))
    for (first, a), (second, b) in itertools.pairwise(checked):
        if _resolved(Path(first)) == _resolved(Path(second)):
            raise ChecksFailed(
                msg.SERIES_TWICE.format(file=second), hint=msg.SERIES_TWICE_HINT, file=second
            )
        if b.report.period.start <= a.report.period.end:
            raise ChecksFailed(
                msg.SERIES_OVERLAP.format(first=first, second=second),
                hint=msg.SERIES_OVERLAP_HINT,
                file=second,
            )
    return [report for _, report in checked]
