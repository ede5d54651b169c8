"""Rules on the participatory path (``process.meetings``): recorded, and with participants.

A plan adopted by the Giunta or the Consiglio says how it was built (DOMAIN.md: tables,
bilateral meetings, the public assembly); the document's chapter otherwise reads «ancora
da documentare». A table or a bilateral meeting is people around a table: one recorded
with nobody in it is a gap in the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from incas_cli.checks.findings import Finding, Severity, error
from incas_cli.messages import checks as msg
from incas_cli.messages import vocab

if TYPE_CHECKING:
    from incas_cli.checks.rules import RuleContext

WITH_PARTICIPANTS = ("tavolo", "bilaterale", "task-force")
"""Meeting kinds that have named participants (an assembly is open to everyone)."""


def process_recorded(ctx: RuleContext) -> Iterator[Finding]:
    """PROCESS_NOT_RECORDED: a final plan (``--final``, ``proposta``, ``adottato``) with no
    meeting of its participatory path."""
    if not ctx.final:
        return
    if ctx.plan.process is None or not ctx.plan.process.meetings:
        yield error(
            "PROCESS_NOT_RECORDED",
            ("process",),
            msg.PROCESS_NOT_RECORDED,
            msg.PROCESS_NOT_RECORDED_HINT,
        )


def meetings_have_participants(ctx: RuleContext) -> Iterator[Finding]:
    """MEETING_WITHOUT_PARTICIPANTS: a table, bilateral meeting or task force with nobody
    listed (blocking when final)."""
    if ctx.plan.process is None:
        return
    severity = Severity.ERROR if ctx.final else Severity.WARNING
    for i, meeting in enumerate(ctx.plan.process.meetings):
        if meeting.kind in WITH_PARTICIPANTS and not meeting.participants:
            kind = vocab.MEETING_KINDS[meeting.kind].label
            yield Finding(
                "MEETING_WITHOUT_PARTICIPANTS",
                severity,
                ("process", "meetings", i, "participants"),
                msg.MEETING_WITHOUT_PARTICIPANTS.format(
                    kind=kind,
                    name=meeting.table
                    or (meeting.date.isoformat() if meeting.date else str(i + 1)),
                ),
                msg.MEETING_WITHOUT_PARTICIPANTS_HINT,
            )
