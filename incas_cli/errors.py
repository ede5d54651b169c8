"""The one family of expected failures.

Every error a user can cause or fix is an ``IncasError`` carrying an Italian message
(and optionally a hint saying what to do next). The CLI catches them in exactly one
place (``incas_cli.cli.app``) and maps them to an exit code.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    INPUT_ERROR = 1
    USAGE = 2
    CHECKS_FAILED = 3
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM stopped


class IncasError(Exception):
    """An expected failure with a message a user can act on."""

    exit_code: ExitCode = ExitCode.INPUT_ERROR

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column

    @property
    def location(self) -> str | None:
        """``file:line:col`` (or the parts that are known)."""
        if self.file is None:
            return None
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        loc = self.location
        return f"{loc}: {self.message}" if loc else self.message


class InputError(IncasError):
    """A file that cannot be read as a plan (exit 1)."""


class UsageError(IncasError):
    """The command was called the wrong way (exit 2)."""

    exit_code = ExitCode.USAGE


class ChecksFailed(IncasError):
    """The plan has blocking findings (exit 3)."""

    exit_code = ExitCode.CHECKS_FAILED


class NotInteractiveError(UsageError):
    """A prompt was needed but there is no terminal (exit 2)."""


class ExternalToolError(IncasError):
    """An external program (LibreOffice, pandoc) is missing, failed or hung (exit 1)."""


class OutputExistsError(UsageError):
    """The output exists and ``--force`` was not given (exit 2)."""


class WizardInterrupted(IncasError):
    """Ctrl-C in the wizard; carries the answers completed so far (exit 130)."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, message: str, *, partial: object = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.partial = partial


class Terminated(KeyboardInterrupt):
    """SIGTERM received: unwinds like Ctrl-C (every ``KeyboardInterrupt`` clean-up runs),
    then exits 143 instead of 130."""
