"""Many plan files -> a list of outcomes (ok / invalid / failed). Never prints.

Following pipx's ``upgrade`` loop: every file is tried, a failure is recorded and the
loop carries on, and the caller maps the outcomes to an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from incas_cli.errors import ExitCode, IncasError, InputError

if TYPE_CHECKING:
    from incas_cli.checks import CheckResult

PLAN_SUFFIXES = (".yaml", ".yml")


class Status(StrEnum):
    OK = "ok"  # valid (and rendered, for build)
    INVALID = "invalid"  # read, but has blocking findings
    FAILED = "failed"  # could not be read or written


@dataclass
class Outcome:
    name: str
    status: Status
    result: CheckResult | None = None
    error: IncasError | None = None
    output: Path | None = None


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given; folders walked recursively for ``*.yaml``/``*.yml``, sorted.

    A folder with no plan files is an input error, so a typo in a path never passes
    silently as "nothing to do".
    """
    from incas_cli.messages import cli as msg

    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(
                p for p in item.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file()
            )
            if not found:
                raise InputError(
                    msg.NO_PLANS_IN_FOLDER.format(folder=item), hint=msg.NO_PLANS_IN_FOLDER_HINT
                )
            files.extend(found)
        else:
            files.append(item)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def check_file(path: Path, *, final: bool = False) -> Outcome:
    from incas_cli.checks import check_document
    from incas_cli.io import load_yaml

    name = str(path)
    try:
        doc = load_yaml(path)
    except IncasError as err:
        return Outcome(name, Status.FAILED, error=err)
    result = check_document(doc, final=final)
    return Outcome(name, Status.OK if result.ok else Status.INVALID, result=result)


def check_files(paths: Sequence[Path], *, final: bool = False) -> list[Outcome]:
    return [check_file(p, final=final) for p in paths]


def exit_code(outcomes: Sequence[Outcome]) -> ExitCode:
    """0 all ok; 1 some file could not be read/written; 3 some plan has blocking findings."""
    if any(o.status is Status.FAILED for o in outcomes):
        return ExitCode.INPUT_ERROR
    if any(o.status is Status.INVALID for o in outcomes):
        return ExitCode.CHECKS_FAILED
    return ExitCode.OK
