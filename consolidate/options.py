"""The commands and their options: one table that the command line (click) is built
from and that the quick path reads argument lists with.

Each :class:`Command` lists its arguments and its :class:`Option` values; the
global options come before the command.  :func:`parse` reads an argument list
by this table alone, without click, and gives up (None) on anything it does not
fully understand — help, an unknown option, a missing value, a repeated option —
so that the command line proper reports it.  This module imports nothing heavy:
the quick path runs it before anything else is loaded.
"""

from __future__ import annotations

from .languages import LANGS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from typing import Any
else:
    try:  # the C module datetime re-exports: the same class, without datetime.py (see consolidate.store.files)
        from _datetime import date
    except ImportError:  # pragma: no cover - a Python without it
        from datetime import date


def iso_date(text: str) -> "date | None":
    """``YYYY-MM-DD`` → a date; None for anything else: an impossible day (2020-02-30), a
    week date (2016-W01-1), a compact form (20160101) or a time — the forms Python's own
    ``fromisoformat`` also accepts, which the contract does not."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not (text[:4] + text[5:7] + text[8:]).isdigit() \
            or not text.isascii():
        return None
    try:
        return date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        return None


class Option:
    """``--name VALUE`` (or ``--name`` alone when ``flag``)."""

    __slots__ = ("name", "dest", "metavar", "help", "choices", "default", "flag", "show_default", "multiple")

    def __init__(self, name: str, help: str, *, metavar: str | None = None, choices: "Sequence[str] | None" = None,
                 default: str | None = None, flag: bool = False, dest: str | None = None,
                 show_default: bool = False, multiple: bool = False) -> None:
        self.name = name
        self.dest = dest or name.lstrip("-").replace("-", "_")
        self.help = help
        self.metavar = metavar
        self.choices = tuple(choices) if choices is not None else None
        self.default = default
        self.flag = flag
        self.show_default = show_default
        self.multiple = multiple  # may be given again: its values, in order, as a tuple


class Command:
    """A command: its positional arguments (names; a trailing ``?`` marks one that may
    be left out, a trailing ``...`` one that takes any number of values, the last) and
    its options."""

    __slots__ = ("name", "arguments", "options")

    def __init__(self, name: str, arguments: "Sequence[str]", options: "Sequence[Option]") -> None:
        self.name = name
        self.arguments = tuple(arguments)
        self.options = tuple(options)

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


_LANG = Option("--lang", "Language of the text (default: rus, else the law's first language).",
               choices=LANGS)


def _format(*choices: str) -> Option:
    """``--format`` with these choices, the first the default."""
    return Option("--format", "Output format.", choices=choices, default=choices[0], dest="fmt", show_default=True)


GLOBAL = (
    Option("--corpus", "Corpus folder holding amendments/ and snapshots/ (default: $CONSOLIDATE_CORPUS, "
           "else the shipped corpus).", metavar="DIR"),
    Option("--debug", "Show a traceback on errors.", flag=True),
)

COMMANDS = {c.name: c for c in (
    Command("laws", (), ()),
    Command("show", ("LAW",), (
        Option("--as-of", "The date (YYYY-MM-DD); default: today.", metavar="DATE"),
        Option("--known-on", "Use only acts first published on or before this date.", metavar="DATE"),
        _LANG,
        Option("--provision", "Only this unit and what it contains, e.g. art_15__para_1.", metavar="EID"),
        _format("text", "md", "json", "html", "akn"),
        Option("--notes", "Add footnotes generated from the operations.", flag=True),
    )),
    Command("diff", ("LAW", "DATE1", "DATE2"), (
        _LANG,
        Option("--provision", "Only changes at or below this unit.", metavar="EID"),
        _format("text", "json", "html"),
    )),
    Command("timeline", ("LAW",), (
        _LANG,
        Option("--provision", "The versions of this unit.", metavar="EID"),
        _format("text", "json"),
    )),
    Command("acts", ("LAW",), (
        _format("text", "json"),
    )),
    Command("effective", ("RULE",), (
        Option("--published", "First official publication (omit if unknown).", metavar="DATE"),
        Option("--adopted", "Adoption (signing) date; bounds an unknown publication.", metavar="DATE"),
        Option("--lang", "Language of the rule.", choices=LANGS, default="rus", show_default=True),
        _format("text", "json"),
    )),
    Command("check", ("LAW?",), (
        _format("text", "json"),
    )),
    Command("import", ("SLUG",), (
        Option("--number", "The law's number, e.g. 527-IV.", metavar="N"),
        Option("--adopted", "The law's adoption date (YYYY-MM-DD).", metavar="DATE"),
        Option("--lang", "Language of the base text and the acts.", choices=LANGS),
        Option("--base", "Its consolidated text as published (kz-laws .md, Adilet .txt): the base snapshot.",
               metavar="FILE"),
        Option("--acts", "Folder of amending acts, one file each named YYYY-MM-DD_NUMBER.md, whole as "
               "published (or extracts in the corpus's layout).", metavar="FOLDER"),
        Option("--title", "The law's title in that language (default: read from the base text).",
               metavar="TITLE"),
        Option("--facts", "For a fresh corpus: a law folder (amendments/SLUG of another corpus) whose law.toml "
               "and act files give what people established (publication dates, footnotes, corrections, "
               "check points); default: the law folder being replaced.", metavar="DIR"),
    )),
    Command("build", ("LAW...",), (
        Option("--lang", "Only this language (again for more; default: every language of each law).",
               choices=LANGS, multiple=True),
        Option("--jobs", "How many laws are compiled at once, each in a process of its own "
               "(default: one per core).", metavar="N"),
    )),
    Command("cache", (), (
        Option("--prune", "Remove the entries that no current input of the corpus points at.", flag=True),
    )),
    Command("serve", (), (
        Option("--host", "Address to listen on.", metavar="HOST", default="127.0.0.1", show_default=True),
        Option("--port", "Port to listen on.", metavar="PORT", default="8080", show_default=True),
    )),
)}


class Parsed:
    """An argument list read by the table: the global options, the command, its arguments and options."""

    __slots__ = ("globals", "command", "arguments", "options")

    def __init__(self, globals_: dict[str, str | bool], command: Command, arguments: list[str],
                 options: dict[str, str | bool | tuple[str, ...]]) -> None:
        self.globals = globals_
        self.command = command
        self.arguments = arguments
        # by option name; flags are True, options given again a tuple; options not given are absent
        self.options = options

    def value(self, name: str) -> str | bool | tuple[str, ...] | None:
        """What the option ``name`` is: as given, else its default (none given of one that
        may be given again: an empty tuple)."""
        if name in self.options:
            return self.options[name]
        option = self.command.option(name)
        if option is not None and option.multiple:
            return ()
        return option.default if option is not None else None


def parse(argv: "Sequence[str]") -> Parsed | None:
    """``argv`` read by the table, or None when it is anything but a well-formed command
    (the command line proper then answers, and says what is wrong)."""
    given: dict[str, str | bool] = {}
    options: dict[str, str | bool | tuple[str, ...]] = {}
    arguments: list[str] = []
    command: Command | None = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            return None
        if a.startswith("-"):
            name, eq, value = a.partition("=")
            table = GLOBAL if command is None else command.options
            option = next((o for o in table if o.name == name), None)
            target: dict[str, Any] = given if command is None else options
            if option is None or (name in target and not option.multiple):
                return None
            if option.flag:
                if eq:
                    return None
                target[name] = True
            else:
                if not eq:
                    i += 1
                    if i >= len(argv):
                        return None
                    value = argv[i]
                if not value or (option.choices is not None and value not in option.choices):
                    return None
                target[name] = (*target.get(name, ()), value) if option.multiple else value
        elif command is None:
            command = COMMANDS.get(a)
            if command is None:
                return None
        else:
            arguments.append(a)
        i += 1
    if command is None:
        return None
    required = sum(1 for name in command.arguments if not name.endswith(("?", "...")))
    most = len(arguments) if command.arguments and command.arguments[-1].endswith("...") else len(command.arguments)
    if not required <= len(arguments) <= most:
        return None
    return Parsed(given, command, arguments, options)
