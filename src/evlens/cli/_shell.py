"""The command classes behind ``evlens``: a group that imports a command's module only when
that command runs, help printed without type labels, and plain values read without
Typer's validators.

Three costs of a start-up are avoided here. Importing every command module (and building
every command) for each call: :class:`LazyGroup` knows the commands' names and one-line
help from a table and imports a module when one of its commands is asked for. Typer's
help printer, which loads Markdown and traceback support and writes a type beside each
option (``<int>``, ``<path>``): :func:`print_help` lays out the same panels without them.
And the validators that recent Typer builds with pydantic for every parameter on first
use (its import alone costs more than the rest of a start-up): :func:`plain_values` has
the ``str``, ``int``, ``float``, ``bool`` and ``Path`` parameters, with no range, parser or path
check, read by a converter of its own. Anything else stays with Typer.
"""

from __future__ import annotations

import importlib
import inspect
import os
from dataclasses import dataclass
from difflib import get_close_matches
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, get_args

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder


def first_paragraph(text: str | None) -> str:
    """The first paragraph of a docstring or help text, on one line."""
    return " ".join(inspect.cleandoc(text or "").split("\n\n")[0].split())


# ---------------------------------------------------------------------------- values


@dataclass(frozen=True)
class _PlainValue:
    """Reads one parameter's text as ``kind``, in the place of Typer's validator."""

    kind: type
    many: bool

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if self.many else None
        if self.many:
            if isinstance(value, str):
                raise typer.BadParameter("Value must be an iterable.", ctx=ctx, param=param)
            return [self._one(v, param, ctx) for v in value]
        return self._one(value, param, ctx)

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, self.kind) and not isinstance(value, bool):
            return value
        if self.kind is str:
            return str(value)
        if self.kind is bool:
            return _truth(value, param, ctx)
        if self.kind is Path:
            path = Path(value)
            if path.exists() and not os.access(path, os.R_OK):
                raise typer.BadParameter(f"Path {str(value)!r} is not readable.", ctx=ctx, param=param)
            return path
        try:
            return self.kind(str(value).strip())
        except ValueError:
            word = "integer" if self.kind is int else "number"
            raise typer.BadParameter(f"{value!r} is not a valid {word}.", ctx=ctx, param=param) from None


_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off", ""}


def _truth(value: Any, param: Any, ctx: Any) -> bool:
    word = str(value).strip().lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise typer.BadParameter(f"{value!r} is not a valid boolean.", ctx=ctx, param=param)


def _plain_kind(param: Any) -> tuple[type, bool] | None:
    """The kind of a plain ``str``/``int``/``float``/``bool``/``Path`` parameter (or a list
    of one), and whether it takes many values; ``None`` for anything Typer must check itself
    (choices, ranges, parsers, files, and paths with checks beyond "readable if it exists")."""
    desc = getattr(param, "type_descriptor", None)
    info = getattr(desc, "parameter_info", None)
    if desc is None or info is None or getattr(desc, "file_annotation", None) is not None:
        return None
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return None
    if getattr(info, "min", None) is not None or getattr(info, "max", None) is not None:
        return None
    many = bool(getattr(desc, "is_list", False))
    kind = get_args(desc.annotation)[0] if many else desc.annotation
    if kind not in (str, int, float, bool, Path):
        return None
    if kind is Path and (
        getattr(info, "exists", True)
        or getattr(info, "resolve_path", True)
        or getattr(info, "allow_dash", True)
        or getattr(info, "writable", True)
        or getattr(info, "path_type", None) is not None
        or not getattr(info, "file_okay", False)
        or not getattr(info, "dir_okay", False)
        or not getattr(info, "readable", False)
    ):
        return None
    return kind, many


def plain_values(params: list[Any]) -> None:
    """Give each plain parameter a converter of its own (see the module's docstring).
    Typer releases that build no validators have nothing to replace."""
    for param in params:
        if getattr(param, "_runtime_param", False) is not None:
            continue  # not a Typer that builds validators, or already built
        plain = _plain_kind(param)
        if plain is not None:
            param._runtime_param = _PlainValue(*plain)


# ------------------------------------------------------------------------------ help


def _default_text(param: Any) -> str:
    show = getattr(param, "show_default", None)
    if isinstance(show, str):
        return show
    default = param.default
    if not show or default is None or default is Ellipsis or callable(default):
        return ""
    if getattr(param, "is_flag", False):
        if not param.secondary_opts:
            return ""
        return (param.opts if default else param.secondary_opts)[0].lstrip("-")
    if isinstance(default, (list, tuple)):
        return ", ".join(str(d) for d in default)
    return str(default.value if isinstance(default, Enum) else default)


def _param_help(param: Any) -> Any:
    from rich.text import Text

    text = Text(" ".join(str(getattr(param, "help", None) or "").split()))
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    extras = []
    if envvar:
        names = envvar if isinstance(envvar, str) else ", ".join(envvar)
        extras.append((f"[env var: {names}]", "dim yellow"))
    default = _default_text(param)
    if default:
        extras.append((f"[default: {default}]", "dim"))
    if param.required:
        extras.append(("[required]", "dim red"))
    for words, style in extras:
        text.append(" " if text.plain else "")
        text.append(words, style=style)
    return text


def _argument_name(param: Any, usage: bool) -> str:
    if param.metavar:
        return param.metavar
    name = (param.name or "").upper() + ("..." if param.nargs != 1 else "")
    return f"[{name}]" if usage and not param.required else name


def _params_panel(title: str, params: list[Any]) -> Any:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for param in params:
        if param.param_type_name == "argument":
            names = _argument_name(param, usage=False)
        else:
            names = ", ".join(param.opts)
            if param.secondary_opts:
                names += " / " + ", ".join(param.secondary_opts)
        mark = ("* ", "red") if param.required else "  "
        grid.add_row(Text.assemble(mark, (names, "bold cyan")), _param_help(param))
    return Panel(grid, title=title, title_align="left", border_style="dim")


def _commands_panel(rows: list[tuple[str, str]]) -> Any:
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(overflow="fold")
    for name, text in rows:
        grid.add_row(name, text)
    return Panel(grid, title="Commands", title_align="left", border_style="dim")


def print_help(command: Any, ctx: Any, commands: list[tuple[str, str]] | None = None) -> None:
    """Print a command's (or group's) usage, help and panels of arguments, options and
    commands: each name with its help, default and whether it is required, and no types."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(highlight=False)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    usage = [ctx.command_path, "[OPTIONS]", *(_argument_name(p, usage=True) for p in arguments)]
    if commands is not None:
        usage.append("COMMAND [ARGS]...")
    text = inspect.cleandoc(command.help or "").partition("\f")[0].strip()
    lines = [Text.assemble(("Usage: ", "bold"), " ".join(usage))]
    lines += [Text(" ".join(paragraph.split())) for paragraph in text.split("\n\n") if paragraph]
    for line in lines:
        console.print()
        console.print(Padding(line, (0, 1), expand=False))
    console.print()
    if arguments:
        console.print(_params_panel("Arguments", arguments))
    options = [p for p in params if p.param_type_name == "option"]
    if options:
        console.print(_params_panel("Options", options))
    if commands:
        console.print(_commands_panel(commands))


# -------------------------------------------------------------------------- commands


class Command(TyperCommand):
    """A Typer command with plain values read without validators and help without types."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        plain_values(params)
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx)


class Group(TyperGroup):
    """A Typer group with plain values read without validators and help without types."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        plain_values(params)
        return params

    def help_rows(self, ctx: Any) -> list[tuple[str, str]]:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, first_paragraph(cmd.short_help or cmd.help)))
        return rows

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx, self.help_rows(ctx))


def _unset(value: Any, base: type) -> bool:
    """Whether a command's or group's class was left to Typer (which may fill in its own)."""
    if isinstance(value, DefaultPlaceholder):
        value = value.value
    return value is None or value is base


def use_own_classes(app: typer.Typer) -> None:
    """Build the commands and groups registered on ``app`` (and on the apps added to it)
    with :class:`Command` and :class:`Group`, unless one asks for a class of its own."""
    for info in app.registered_commands:
        if _unset(info.cls, TyperCommand):
            info.cls = Command
    for group in app.registered_groups:
        sub = group.typer_instance
        if sub is not None and _unset(group.cls, TyperGroup) and _unset(sub.info.cls, TyperGroup):
            group.cls = Group
        if sub is not None:
            use_own_classes(sub)


class LazyGroup(Group):
    """A group that knows its commands from :attr:`table` (name: module, one-line help) and
    imports a module, and builds its commands, when one of them is asked for.

    Each module has ``register(app: typer.Typer) -> None``, which adds its commands."""

    table: ClassVar[dict[str, tuple[str, str]]] = {}
    package: ClassVar[str] = ""
    _built: ClassVar[dict[str, Any]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.table, *(n for n in self.commands if n not in self.table)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.table:
            self.commands.update(self.build(self.table[cmd_name][0]))
        return self.commands.get(cmd_name)

    @classmethod
    def build(cls, module_name: str) -> dict[str, Any]:
        """The commands ``module_name`` registers, built (once per process)."""
        if module_name not in cls._built:
            module = importlib.import_module(f"{cls.package}.{module_name}")
            app = typer.Typer(pretty_exceptions_enable=False, add_completion=False)
            module.register(app)
            use_own_classes(app)
            cls._built[module_name] = dict(typer.main.get_group(app).commands)
        return cls._built[module_name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            near = get_close_matches(name, self.list_commands(ctx))
            hint = f" Did you mean {', '.join(repr(n) for n in near)}?" if near else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def help_rows(self, ctx: Any) -> list[tuple[str, str]]:
        rows = [(name, text) for name, (_, text) in self.table.items()]
        extra = [n for n in self.commands if n not in self.table]
        return rows + [(n, first_paragraph(self.commands[n].help)) for n in extra]
