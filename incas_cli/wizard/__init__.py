"""The interactive wizard behind ``incas plan new`` and ``incas plan edit``.

- :func:`run_wizard` walks the plan's sections over a :class:`Prompter`, checks every
  answer with the plan's own models and rules, and hands the tree to ``on_save`` after
  every completed group of answers. It never touches files.
- :class:`QuestionaryPrompter` (in :mod:`~incas_cli.wizard.questionary_prompter`, the
  only module importing questionary) asks in the terminal;
  :class:`~incas_cli.wizard.scripted.ScriptedPrompter` answers from a script (tests).
- :data:`SECTIONS` are the section names that ``--section`` accepts.
"""

from __future__ import annotations

from incas_cli.wizard.core import Mode
from incas_cli.wizard.flow import run_wizard, show_summary
from incas_cli.wizard.progress import (
    MARKER_KEY,
    SECTIONS,
    filled_sections,
    incomplete_sections,
    open_counts,
    read_marker,
)
from incas_cli.wizard.prompter import Choice, Prompter, Validator

__all__ = [
    "MARKER_KEY",
    "SECTIONS",
    "Choice",
    "Mode",
    "Prompter",
    "Validator",
    "filled_sections",
    "incomplete_sections",
    "open_counts",
    "read_marker",
    "run_wizard",
    "show_summary",
]
