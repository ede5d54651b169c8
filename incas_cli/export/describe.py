"""What describes an export: the Frictionless ``datapackage.json`` and the DCAT-AP_IT
description of the dataset (JSON-LD), both beside the tables.

Both are built from the table specs and from what the export saw (the Comuni, the plans'
dates), never from the clock: the same plans give the same files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from incas_cli.export.tables import TableSpec
from incas_cli.export.writers import JSON_NAME, XLSX_NAME, ExportFormat
from incas_cli.messages import export as msg

DATAPACKAGE_NAME = "datapackage.json"
DCAT_NAME = "dcat-ap_it.jsonld"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_EU = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
_EU = "http://publications.europa.eu/resource/authority"
_MEDIA = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
_FILE_TYPES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}


@dataclass(frozen=True)
class Publisher:
    """Who publishes the data: the Comune of a single plan, or the staff's organisation."""

    name: str
    identifier: str | None = None
    """The IPA code where known; for a Comune its ISTAT code."""


@dataclass(frozen=True)
class DatasetInfo:
    """What the export saw, for the descriptions."""

    publisher: Publisher
    comuni: tuple[tuple[str, str], ...]
    """(ISTAT code, name) of every Comune exported, in order."""
    modified: dt.date | None
    """The latest date of the plans exported (adoption, else period start)."""
    period: tuple[dt.date, dt.date] | None
    """From the earliest period start to the latest period end."""


def _resource(spec: TableSpec, fmt: ExportFormat, excel: bool) -> dict[str, Any]:
    fields = []
    for f in spec.fields:
        field: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "number" and excel:
            field["decimalChar"] = ","
        if f.type == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        if f.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(spec.primary_key)}
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {"resource": fk.resource, "fields": list(fk.reference)},
            }
            for fk in spec.foreign_keys
        ]
    resource: dict[str, Any] = {
        "name": spec.name,
        "title": spec.title,
        "description": spec.description,
        "profile": "tabular-data-resource",
    }
    if fmt == "csv":
        resource |= {
            "path": f"{spec.name}.csv",
            "format": "csv",
            "mediatype": _MEDIA["csv"],
            "encoding": "utf-8-sig" if excel else "utf-8",
            "dialect": {"delimiter": ";" if excel else ","},
        }
    elif fmt == "xlsx":
        resource |= {
            "path": XLSX_NAME,
            "format": "xlsx",
            "mediatype": _MEDIA["xlsx"],
            "dialect": {"excel": {"sheet": spec.name}},
        }
    else:
        resource |= {
            "path": JSON_NAME,
            "format": "json",
            "mediatype": _MEDIA["json"],
            "dialect": {"json": {"property": f"tables.{spec.name}", "keyed": False}},
        }
    resource["schema"] = schema
    return resource


def datapackage(
    specs: Sequence[TableSpec], fmt: ExportFormat, info: DatasetInfo, *, excel: bool = False
) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the export."""
    return {
        "profile": "tabular-data-package",
        "name": "incas-piani-locali",
        "title": _title(info),
        "description": msg.DATASET_DESCRIPTION,
        "keywords": list(msg.DATASET_KEYWORDS),
        "licenses": [
            {"name": "CC-BY-4.0", "path": LICENCE_URL, "title": "Creative Commons Attribution 4.0"}
        ],
        "contributors": [{"title": info.publisher.name, "role": "publisher"}],
        "resources": [_resource(spec, fmt, excel) for spec in specs],
    }


def _title(info: DatasetInfo) -> str:
    if len(info.comuni) == 1:
        return msg.DATASET_TITLE_ONE.format(comune=info.comuni[0][1])
    return msg.DATASET_TITLE


def dcat(
    specs: Sequence[TableSpec], fmt: ExportFormat, info: DatasetInfo, files: Sequence[str]
) -> dict[str, Any]:
    """The DCAT-AP_IT description of the dataset and its distributions (JSON-LD)."""
    publisher: dict[str, Any] = {
        "@type": ["dcatapit:Agent", "foaf:Agent"],
        "foaf:name": info.publisher.name,
    }
    if info.publisher.identifier:
        publisher["dct:identifier"] = info.publisher.identifier
    identifier = (
        f"{info.publisher.identifier}:incas-piani-locali"
        if info.publisher.identifier
        else "incas-piani-locali"
    )
    licence = {
        "@id": LICENCE_EU,
        "@type": "dcatapit:LicenseDocument",
        "foaf:name": "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
        "owl:versionInfo": "4.0",
        "dct:type": {"@id": "http://purl.org/adms/licencetype/Attribution"},
        "rdfs:seeAlso": {"@id": LICENCE_URL},
    }
    if fmt == "csv":
        titled = [(name, f"{spec.title}") for spec, name in zip(specs, files, strict=True)]
        distributions = [
            _distribution(name, msg.DISTRIBUTION_TITLE.format(title=title, fmt="CSV"), fmt, licence)
            for name, title in titled
        ]
    else:
        distributions = [
            _distribution(files[0], msg.DISTRIBUTION_ALL.format(fmt=_FILE_TYPES[fmt]), fmt, licence)
        ]
    dataset: dict[str, Any] = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dcatapit": "http://dati.gov.it/onto/dcatapit#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "owl": "http://www.w3.org/2002/07/owl#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"urn:incas:dataset:{identifier}",
        "@type": ["dcatapit:Dataset", "dcat:Dataset"],
        "dct:identifier": identifier,
        "dct:title": {"@value": _title(info), "@language": "it"},
        "dct:description": {"@value": msg.DATASET_DESCRIPTION, "@language": "it"},
        "dcat:keyword": [{"@value": k, "@language": "it"} for k in msg.DATASET_KEYWORDS],
        "dcat:theme": [{"@id": f"{_EU}/data-theme/SOCI"}, {"@id": f"{_EU}/data-theme/AGRI"}],
        "dct:publisher": publisher,
        "dct:rightsHolder": publisher,
        "dct:accrualPeriodicity": {"@id": f"{_EU}/frequency/IRREG"},
        "dct:language": {"@id": f"{_EU}/language/ITA"},
        "dct:spatial": [
            {
                "@type": "dct:Location",
                "dcatapit:geographicalIdentifier": code,
                "skos:prefLabel": msg.COMUNE_OF.format(name=name),
            }
            for code, name in info.comuni
        ],
        "dcat:distribution": distributions,
    }
    dataset["@context"]["skos"] = "http://www.w3.org/2004/02/skos/core#"
    if info.modified is not None:
        dataset["dct:modified"] = {"@value": info.modified.isoformat(), "@type": "xsd:date"}
    if info.period is not None:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": info.period[0].isoformat(), "@type": "xsd:date"},
            "dcat:endDate": {"@value": info.period[1].isoformat(), "@type": "xsd:date"},
        }
    return dataset


def _distribution(
    name: str, title: str, fmt: ExportFormat, licence: dict[str, Any]
) -> dict[str, Any]:
    return {
        "@type": ["dcatapit:Distribution", "dcat:Distribution"],
        "dct:title": {"@value": title, "@language": "it"},
        "dcat:accessURL": {"@id": name},
        "dcat:downloadURL": {"@id": name},
        "dct:format": {"@id": f"{_EU}/file-type/{_FILE_TYPES[fmt]}"},
        "dcat:mediaType": _MEDIA[fmt],
        "dct:license": licence,
    }
