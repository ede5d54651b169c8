"""``plan init``: a pre-filled, commented draft plan for one Comune. Never prints.

The draft is written from ``templates/plan-init.yaml.j2``, so the guidance comments are
part of the text; every value reaches the template as data and is written as a YAML
scalar by :func:`yaml_scalar` (through :func:`incas_cli.io.dump_yaml`, the only home of
YAML). The result is parsed and checked (draft level) before anyone writes it: a draft
that would not pass ``incas plan validate`` is never produced.

With a source plan (``--from``) the draft takes its *structure*: stakeholder types, ids
and levels, the governance and the thematic tables. What belongs to the old Comune stays
behind: contacts, needs, measures, relations, meetings, partner Comuni, and names (of
stakeholders, steering body, tables) that mention the old Comune, its province or its
region; ids that carry the old province or Comune are translated to the new ones.
"""

from incas_cli.scaffold.build import build_draft
from incas_cli.scaffold.draft import Draft, DraftStakeholder, DraftTable
from incas_cli.scaffold.inputs import check_target, load_source, parse_period, resolve_comune
from incas_cli.scaffold.schema_file import SCHEMA_FILE, SchemaState, ensure_schema
from incas_cli.scaffold.template import yaml_flow_list, yaml_scalar

__all__ = [
    "SCHEMA_FILE",
    "Draft",
    "DraftStakeholder",
    "DraftTable",
    "SchemaState",
    "build_draft",
    "check_target",
    "ensure_schema",
    "load_source",
    "parse_period",
    "resolve_comune",
    "yaml_flow_list",
    "yaml_scalar",
]
