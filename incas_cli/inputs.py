"""The plan files a command works on: files as given, folders walked for YAML files, with
the monitoring reports kept beside the plans left out (the CLI says which:
:func:`incas_cli.cli._common.expand_inputs`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from incas_cli.errors import InputError

PLAN_SUFFIXES = (".yaml", ".yml")
MISNAMED_SUFFIXES = (".yaml.txt", ".yml.txt")
"""What Notepad makes of ``piano.yaml`` unless told otherwise: a plan a folder walk leaves
out, and says so."""


@dataclass(frozen=True)
class PlanFiles:
    plans: list[Path]
    """Files as given, then the plan files found in folders; each file once."""
    reports_left_out: list[Path]
    """Monitoring reports found in folders (not read by plan commands)."""
    misnamed: list[Path]
    """Files in folders named like ``piano.yaml.txt`` (not read: the name says text)."""


def find_plan_files(inputs: Iterable[Path]) -> PlanFiles:
    """Files as given; folders walked recursively for ``*.yaml``/``*.yml``, sorted, leaving
    out monitoring reports kept beside their plans.

    A folder with no plan files is an input error, so a typo in a path never passes
    silently as "nothing to do".
    """
    from incas_cli.messages import cli as msg
    from incas_cli.monitor.files import is_report_file

    files: list[Path] = []
    reports: list[Path] = []
    misnamed: list[Path] = []
    for item in inputs:
        if is_folder_input(item):
            found: list[Path] = []
            for p in sorted(item.rglob("*")):
                if _plan_name(p.name) and p.is_file():
                    (reports if is_report_file(p) else found).append(p)
                elif p.name.lower().endswith(MISNAMED_SUFFIXES) and p.is_file():
                    misnamed.append(p)
            if not found:
                here = [p for p in misnamed if item in p.parents]
                raise InputError(
                    msg.NO_PLANS_IN_FOLDER.format(folder=item),
                    hint=msg.MISNAMED_HINT.format(count=len(here), first=here[0], name=here[0].stem)
                    if here
                    else msg.NO_PLANS_IN_FOLDER_HINT,
                )
            files.extend(found)
        else:
            files.append(item)
    seen: set[Path] = set()
    unique = []
    for f in files:
        try:
            key = f.resolve()
        except OSError:
            key = f.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return PlanFiles(unique, reports, misnamed)


def is_folder_input(path: Path) -> bool:
    """A folder to walk; a name the system refuses (too long) is a file load_yaml reports."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _plan_name(name: str) -> bool:
    """``piano.yaml``, ``piano.YML``, and also a file named just ``.yaml`` (whose suffix,
    for pathlib, is empty: skipping it would lose a plan without a word)."""
    lower = name.lower()
    return lower.endswith(PLAN_SUFFIXES)
