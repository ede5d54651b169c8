"""``incas export``: plans as open data. Never prints.

:func:`export_plans` reads each plan (in worker processes with ``jobs`` > 1, results in
input order), checks it as ``plan validate`` does, and writes its rows to every table as
it comes (:mod:`.writers`): memory does not grow with the number of plans, except for one
short key per plan, kept to refuse a second plan with the same key. A plan that does not
validate, or has no stable key, is not exported and is listed apart with its first
problem (never skipped silently). Then ``datapackage.json`` (Frictionless) and the
DCAT-AP_IT description are written beside the tables (:mod:`.describe`).

- :mod:`.tables` the tables, their fields, keys and foreign keys;
- :mod:`.rows` one plan -> its rows (never contacts or ratings of organisations);
- :mod:`.writers` CSV, XLSX and JSON, streaming and atomic;
- :mod:`.describe` the data package and the DCAT-AP_IT JSON-LD.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from incas_cli.export.describe import DATAPACKAGE_NAME, DCAT_NAME, Publisher
from incas_cli.export.tables import TABLES, Row
from incas_cli.export.writers import EXPORT_FORMATS, ExportFormat, data_files

if TYPE_CHECKING:
    from incas_cli.export.rows import PlanIdentity

__all__ = [
    "DATAPACKAGE_NAME",
    "DCAT_NAME",
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportOptions",
    "ExportResult",
    "PlanRecord",
    "Publisher",
    "export_plans",
    "read_plan",
]


@dataclass(frozen=True)
class ExportOptions:
    output_dir: Path
    fmt: ExportFormat = "csv"
    excel: bool = False
    force: bool = False
    publisher: Publisher | None = None
    """Who publishes; None: the Comune (an export of one Comune's plans only)."""


@dataclass
class PlanRecord:
    """One plan file read for the export: its rows, or why it is not exported."""

    name: str
    ok: bool
    message: str | None = None
    """The first problem of a plan not exported."""
    identity: PlanIdentity | None = None
    rows: dict[str, list[Row]] = field(default_factory=dict)
    document_date: dt.date | None = None
    period: tuple[dt.date, dt.date] | None = None
    failed: bool = False
    """Unreadable (exit 1), rather than invalid (exit 3)."""
    report_of: str | None = None
    """A monitoring report: the key of the plan it reports on."""
    report_start: str | None = None
    """A monitoring report: the month its period starts."""


@dataclass
class ExportResult:
    output_dir: Path
    files: list[str]
    exported: int = 0
    """Plans exported."""
    reports: int = 0
    """Monitoring reports exported."""
    total: int = 0
    rejected: list[PlanRecord] = field(default_factory=list)


def read_plan(source: Path) -> PlanRecord:
    """Check one plan file and compute its rows. Never raises for the file."""
    from incas_cli.batch import Outcome, Status, first_message
    from incas_cli.catalog import load_catalog, load_comuni
    from incas_cli.checks import check_document
    from incas_cli.errors import IncasError
    from incas_cli.export.monitoring import read_report
    from incas_cli.export.rows import NoKeyError, plan_identity, plan_rows
    from incas_cli.facts import plan_facts
    from incas_cli.io import input_name, read_yaml
    from incas_cli.monitor.files import is_report_data

    try:
        doc = read_yaml(source)
    except IncasError as err:
        return PlanRecord(input_name(source), False, str(err), failed=True)
    if is_report_data(doc.plain()):
        key, start, rows, problem, failed = read_report(source, load_comuni())
        if key is None or rows is None:
            return PlanRecord(input_name(source), False, problem, failed=failed)
        return PlanRecord(input_name(source), True, rows=rows, report_of=key, report_start=start)
    checked = check_document(doc)  # as plan validate does (batch.check_file), read once
    outcome = Outcome(
        input_name(source), Status.OK if checked.ok else Status.INVALID, result=checked
    )
    if outcome.status is not Status.OK:
        return PlanRecord(
            outcome.name,
            False,
            first_message(outcome),
            failed=outcome.status is Status.FAILED,
        )
    assert outcome.result is not None and outcome.result.plan is not None
    plan = outcome.result.plan
    catalog = load_catalog()
    try:
        identity = plan_identity(plan, load_comuni())
    except NoKeyError as err:
        return PlanRecord(outcome.name, False, str(err))
    facts = plan_facts(plan, catalog)
    period = None
    if facts.dates.start is not None and facts.dates.end is not None:
        period = (facts.dates.start.first_day, _last_day(facts.dates.end.first_day))
    return PlanRecord(
        outcome.name,
        True,
        identity=identity,
        rows=plan_rows(plan, facts, identity, catalog),
        document_date=facts.dates.document,
        period=period,
    )


def _last_day(first: dt.date) -> dt.date:
    following = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def export_plans(
    sources: Sequence[Path],
    options: ExportOptions,
    *,
    jobs: int = 1,
    on_record: Callable[[PlanRecord], None] | None = None,
) -> ExportResult:
    """Export ``sources`` into ``options.output_dir`` (created if needed).

    Existing files are refused before any plan is read (``OutputExistsError``) unless
    ``force``; on any failure or Ctrl-C no file of the export is left half-written. When
    no plan can be exported no file is written (``files`` is then empty).
    """
    from incas_cli.batch import prepare_output_dir

    prepare_output_dir(options.output_dir)
    files = data_files(options.fmt, TABLES)
    result = ExportResult(options.output_dir, [*files, DATAPACKAGE_NAME, DCAT_NAME])
    try:
        _export(sources, options, result, jobs, on_record)
    except _NothingExported:
        result.files = []  # no plan: no file written, not even an empty table
    return result


class _NothingExported(Exception):
    """Raised inside the writers to drop every file when no plan could be exported."""


def _export(
    sources: Sequence[Path],
    options: ExportOptions,
    result: ExportResult,
    jobs: int,
    on_record: Callable[[PlanRecord], None] | None,
) -> None:
    from incas_cli.batch_map import map_ordered
    from incas_cli.export.describe import DatasetInfo, datapackage, dcat
    from incas_cli.export.writers import open_writer
    from incas_cli.io import atomic_writer
    from incas_cli.messages import export as msg

    files = data_files(options.fmt, TABLES)
    keys: dict[str, str] = {}
    comuni: dict[str, str] = {}
    modified: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    with (
        contextlib.ExitStack() as stack,
        atomic_writer(options.output_dir / DATAPACKAGE_NAME, force=options.force) as package,
        atomic_writer(options.output_dir / DCAT_NAME, force=options.force) as description,
        open_writer(
            options.fmt,
            options.output_dir,
            TABLES,
            excel=options.excel,
            force=options.force,
        ) as writer,
    ):
        reports = _Spool()  # kept until every plan is in, on disk: they may be thousands
        stack.callback(reports.close)
        report_keys: dict[tuple[str, str | None], str] = {}
        for record in map_ordered(read_plan, sources, jobs=jobs):
            result.total += 1
            if record.ok and record.report_of is not None:
                reports.append(record)
                continue
            identity = record.identity
            if record.ok and identity is not None and identity.key in keys:
                record.ok = False
                record.message = msg.DUPLICATE_PLAN_KEY.format(
                    other=keys[identity.key], key=identity.key
                )
            if not record.ok or identity is None:
                record.rows = {}  # a plan left out keeps its name and first problem only
                result.rejected.append(record)
            else:
                keys[identity.key] = record.name
                comuni.setdefault(identity.istat_code, identity.comune)
                for spec in TABLES:
                    writer.write(spec.name, record.rows.get(spec.name, []))
                result.exported += 1
                if record.document_date and (modified is None or record.document_date > modified):
                    modified = record.document_date
                if record.period is not None:
                    start = min(start or record.period[0], record.period[0])
                    end = max(end or record.period[1], record.period[1])
                record.rows = {}
            if on_record is not None:
                on_record(record)
        for record in reports:
            seen = (record.report_of or "", record.report_start)
            if record.report_of not in keys:
                record.ok = False
                record.message = msg.REPORT_PLAN_NOT_EXPORTED.format(key=record.report_of)
                result.rejected.append(record)
            elif seen in report_keys:
                record.ok = False
                record.message = msg.DUPLICATE_REPORT.format(other=report_keys[seen])
                result.rejected.append(record)
            else:
                report_keys[seen] = record.name
                for name, rows in record.rows.items():
                    writer.write(name, rows)
                result.reports += 1
            record.rows = {}
            if on_record is not None:
                on_record(record)
        if not result.exported:
            raise _NothingExported
        publisher = options.publisher or _comune_publisher(comuni)
        info = DatasetInfo(
            publisher=publisher,
            comuni=tuple(comuni.items()),
            modified=modified,
            period=(start, end) if start is not None and end is not None else None,
        )
        package.write(_json(datapackage(TABLES, options.fmt, info, excel=options.excel)))
        description.write(_json(dcat(TABLES, options.fmt, info, files)))


class _Spool:
    """Records in an anonymous temporary file (gone when closed, or when the process ends
    however it ends), read back in the order they came. Pickled: this process writes the
    file and reads it back, nothing else does."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the export's stack)
        self._count = 0

    def append(self, record: PlanRecord) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __iter__(self) -> Iterator[PlanRecord]:
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()


def _comune_publisher(comuni: dict[str, str]) -> Publisher:
    from incas_cli.messages import export as msg

    code, name = next(iter(comuni.items()))
    return Publisher(msg.COMUNE_OF.format(name=name), code)


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
