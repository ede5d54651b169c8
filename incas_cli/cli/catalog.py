"""``incas catalog``: look up the national plan, actor types, need areas, funding, measures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.messages import catalog as msg
from incas_cli.messages import cli as cli_msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.catalog.views import View
    from incas_cli.reports import CatalogTable

app = typer.Typer(help=cli_msg.CATALOG_HELP, no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help=msg.JSON_HELP)
PIANO_OPTION = typer.Option(None, "--plan", metavar="ID", help=msg.PIANO_HELP)


def _load(plan_id: str | None) -> tuple[Catalog, NationalPlan]:
    """The catalogue and the chosen national plan (``UsageError`` for an unknown id)."""
    from incas_cli.catalog import load_catalog

    catalog = load_catalog()
    return catalog, catalog.require_national_plan(plan_id)


def _emit(as_json: bool, name: CatalogTable, payload: dict[str, Any], view: View) -> None:
    if as_json:
        from incas_cli.reports import catalog_json

        typer.echo(catalog_json(name, payload))
        return
    from incas_cli.console import print_blocks

    print_blocks(view)


@app.command("plans", help=msg.PLANS_HELP)
@handle_errors
def plans(as_json: bool = JSON_OPTION) -> None:
    from incas_cli.catalog import load_catalog
    from incas_cli.catalog.views import plans_payload, plans_view

    catalog = load_catalog()
    _emit(as_json, "plans", plans_payload(catalog), plans_view(catalog))


@app.command("axes", help=msg.AXES_HELP)
@handle_errors
def axes(as_json: bool = JSON_OPTION, piano: str | None = PIANO_OPTION) -> None:
    from incas_cli.catalog.views import axes_payload, axes_view

    _, plan = _load(piano)
    _emit(as_json, "axes", axes_payload(plan), axes_view(plan))


@app.command("actions", help=msg.ACTIONS_HELP)
@handle_errors
def actions(as_json: bool = JSON_OPTION, piano: str | None = PIANO_OPTION) -> None:
    from incas_cli.catalog.views import actions_payload, actions_view

    _, plan = _load(piano)
    _emit(as_json, "actions", actions_payload(plan), actions_view(plan))


@app.command("actors", help=msg.ACTORS_HELP)
@handle_errors
def actors(as_json: bool = JSON_OPTION, piano: str | None = PIANO_OPTION) -> None:
    from incas_cli.catalog.views import actors_payload, actors_view

    catalog, _ = _load(piano)
    _emit(as_json, "actors", actors_payload(catalog), actors_view(catalog))


@app.command("needs", help=msg.NEEDS_HELP)
@handle_errors
def needs(as_json: bool = JSON_OPTION, piano: str | None = PIANO_OPTION) -> None:
    from incas_cli.catalog.views import needs_payload, needs_view

    catalog, plan = _load(piano)
    _emit(as_json, "needs", needs_payload(catalog, plan), needs_view(catalog, plan))


@app.command("funding", help=msg.FUNDING_HELP)
@handle_errors
def funding(as_json: bool = JSON_OPTION, piano: str | None = PIANO_OPTION) -> None:
    from incas_cli.catalog.views import funding_payload, funding_view

    catalog, _ = _load(piano)
    _emit(as_json, "funding", funding_payload(catalog), funding_view(catalog))


@app.command("measures", help=msg.MEASURES_HELP)
@handle_errors
def measures(
    as_json: bool = JSON_OPTION,
    piano: str | None = PIANO_OPTION,
    azione: int | None = typer.Option(None, "--action", metavar="N", help=msg.AZIONE_HELP),
) -> None:
    from incas_cli.catalog.views import measures_payload, measures_view

    _, plan = _load(piano)
    action = None if azione is None else plan.require_action(azione)
    _emit(as_json, "measures", measures_payload(plan, action), measures_view(plan, action))
