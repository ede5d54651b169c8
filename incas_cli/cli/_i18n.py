"""Italian for what typer itself prints: help panels, the help option, usage errors.

typer vendors its command-line parser with English messages written as f-strings, so
they cannot be translated through gettext. We hook the three places typer exposes:
the rich help constants, the help option factory, and the usage-error printer. The
wording lives in ``incas_cli.messages.cli``. Parsing behaviour is untouched.

``typer.rich_utils`` (rich's markdown, syntax and traceback: ~70 ms) is imported by typer
only to print help or an error, so it is patched when it is imported, not imported here:
a command that succeeds never loads it.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import typer.core

from incas_cli.messages import cli as msg

_RICH_UTILS = "typer.rich_utils"

_TYPE_LABELS = {
    "<bool>": None,
    "<Path>": "PERCORSO",
    "<list[Path]>": "PERCORSI",
    "<path>": "PERCORSO",
    "<list[path]>": "PERCORSI",
    "<str>": "TESTO",
    "<int>": "N",
    "<int range>": "N",
    "<float>": "NUMERO",
}


def translate_usage_error(message: str) -> str:
    """Italian for one of typer's usage-error messages (unknown ones are kept, marked).

    Groups of a pattern: ``a`` kept as is, ``n`` option or argument names as typer quotes
    them, ``b`` a detail translated in turn, ``s`` the
    suggestions (``'validate', 'status'`` or ``--json, --final``) quoted the Italian way.
    """
    for pattern, template in msg.USAGE_ERROR_PATTERNS:
        match = re.match(pattern, message.strip(), flags=re.DOTALL)
        if match:
            parts = match.groupdict()
            if parts.get("n"):  # option names as typer quotes them: '--jobs' / '-j'
                parts["n"] = _names(parts["n"] or "")
            if parts.get("b"):
                parts["b"] = _detail(parts["b"])
            if "s" in parts:
                parts["s"] = _suggestions(parts["s"] or "")
            return template.format(**parts)
    return msg.USAGE_ERROR_FALLBACK.format(detail=_detail(message))


def _names(text: str) -> str:
    """``'--jobs' / '-j'`` as ``--jobs (-j)``: the long name first, the others in brackets."""
    names = [name.strip().strip("'") for name in text.split(" / ") if name.strip()]
    if len(names) == 1:
        return names[0]
    return msg.OPTION_NAMES.format(main=names[0], others=msg.LIST_SEPARATOR.join(names[1:]))


def _suggestions(text: str) -> str:
    names = [name.strip().strip("'") for name in text.split(",") if name.strip()]
    return msg.LIST_SEPARATOR.join(msg.SUGGESTED_NAME.format(name=name) for name in names)


def _detail(text: str) -> str:
    for pattern, template in msg.USAGE_DETAIL_PATTERNS:
        match = re.match(pattern, text.strip(), flags=re.DOTALL)
        if match:
            return template.format(**match.groupdict())
    return text


def _format_usage_error(error: Any) -> None:
    """Replacement of typer.rich_utils.rich_format_error: our format, in Italian."""
    if error.__class__.__name__ == "NoArgsIsHelpError":
        return  # typer prints the help itself
    from incas_cli.console import get_console, print_error
    from incas_cli.errors import UsageError

    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "incas"
    if ctx is not None:
        usage = ctx.get_usage()
        get_console(stderr=True).print(usage, markup=False, soft_wrap=True)
    print_error(
        UsageError(
            translate_usage_error(error.format_message()),
            hint=msg.USAGE_HINT.format(command=command),
        )
    )


def _display_type(original: Callable[[Any, Any], str | None]) -> Callable[[Any, Any], str | None]:
    def display(self: Any, ctx: Any) -> str | None:
        label = original(self, ctx)
        if label is None:
            return None
        return _TYPE_LABELS.get(label, label)

    return display


def _argument_name(argument: Any) -> str:
    return str(argument.display_name_raw)


def _usage_name(self: Any) -> str:
    """``FILE...`` / ``[FILE]`` instead of typer's ``{files}...``."""
    name = _argument_name(self)
    if not self.required:
        name = f"[{name}]"
    return name + ("..." if self.nargs != 1 else "")


def _rich_name(self: Any) -> str:
    return _argument_name(self) + ("..." if self.nargs != 1 else "")


class _PatchingLoader:
    """Runs a module with its own loader, then patches it."""

    def __init__(self, loader: Any, patch: Callable[[ModuleType], None]) -> None:
        self._loader = loader
        self._patch = patch

    def create_module(self, spec: Any) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


class _PatchOnImport:
    """A meta-path finder that patches one module right after its first import."""

    def __init__(self, name: str, patch: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.patch = patch

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> Any:
        if fullname != self.name:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _PatchingLoader(spec.loader, self.patch)
                return spec
        return None


def _patch_rich_utils(ru: Any) -> None:
    ru.OPTIONS_PANEL_TITLE = msg.HELP_PANEL_OPTIONS
    ru.COMMANDS_PANEL_TITLE = msg.HELP_PANEL_COMMANDS
    ru.ARGUMENTS_PANEL_TITLE = msg.HELP_PANEL_ARGUMENTS
    ru.ERRORS_PANEL_TITLE = msg.HELP_PANEL_ERRORS
    ru.DEFAULT_STRING = msg.HELP_DEFAULT
    ru.REQUIRED_LONG_STRING = msg.HELP_REQUIRED
    ru.ABORTED_TEXT = msg.HELP_ABORTED
    ru.rich_format_error = _format_usage_error


def install() -> None:
    """Idempotent: hook typer's help and error output."""
    loaded = sys.modules.get(_RICH_UTILS)
    if loaded is not None:
        _patch_rich_utils(loaded)
    elif not any(isinstance(f, _PatchOnImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _PatchOnImport(_RICH_UTILS, _patch_rich_utils))

    core: Any = typer.core
    if not getattr(core, "_incas_i18n", False):
        core._incas_i18n = True
        for cls in (core.TyperOption, core.TyperArgument):
            cls.display_type_rich = _display_type(cls.display_type_rich)
        raw_name = core.TyperArgument.display_name_raw.fget

        def display_name_raw(self: Any) -> str:
            raw = str(raw_name(self))
            return msg.ARGUMENT_NAMES.get(raw, raw.upper())

        core.TyperArgument.display_name_raw = property(display_name_raw)
        core.TyperArgument._usage_display_name = _usage_name
        core.TyperArgument._rich_display_name = _rich_name
        formatting: Any = importlib.import_module("typer._click.formatting")
        original_write_usage = formatting.HelpFormatter.write_usage

        def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            original_write_usage(
                self, prog, args, f"{msg.USAGE_LABEL} " if prefix is None else prefix
            )

        formatting.HelpFormatter.write_usage = write_usage
        decorators: Any = importlib.import_module("typer._click.decorators")
        if hasattr(decorators, "help_option"):
            original_help_option = decorators.help_option

            def help_option(param_decls: list[str]) -> Any:
                decorator = original_help_option(param_decls)

                def apply(command: Any) -> Any:
                    result = decorator(command)
                    for param in getattr(result, "params", []):
                        if getattr(param, "help", None) == "Show this message and exit.":
                            param.help = msg.HELP_OPTION_HELP
                    return result

                return apply

            decorators.help_option = help_option
