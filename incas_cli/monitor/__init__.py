"""``incas monitor``: following an adopted plan through its period.

Each monitoring report is a YAML file beside the plan (DESIGN.md, "The monitoring file
(v1)"); a series of them makes the plan's history. Modules, by role:

- ``model.py`` the file's pydantic models (:class:`~incas_cli.monitor.model.MonitoringReport`);
- ``rules.py`` and ``checks.py`` the report checked against its plan, as findings;
- ``facts.py`` every figure of a plan and its reports, computed once (spending, indicators
  against the straight line from baseline to target, funds at risk, what is missing);
- ``scaffold.py`` ``monitor init``; ``views.py`` the tables of ``monitor status``;
  ``files.py`` a report told from a plan in a folder; ``edit.py`` ``monitor edit``;
- ``outline.py`` (with ``sections.py``) the *Relazione di monitoraggio* as a document.

Nothing here prints; the commands (``incas_cli/cli/monitor.py``) show and exit.
"""
