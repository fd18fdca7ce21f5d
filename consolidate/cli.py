"""The command line: ``consolidate laws|show|diff|timeline|acts|effective|check|import|build|cache|serve``.

The only module that imports click.  The commands' arguments and options come
from one table (:mod:`consolidate.options`), which the quick path of
:mod:`consolidate.__main__` reads too.  Each command parses its values, asks
the library one question and renders the answer; everything heavy is
imported inside the command so that ``consolidate --help`` starts at once.
Exit codes: 0 success, 1 a data or domain error (one line naming file, act
and operation; a traceback only with ``--debug``), 2 a usage error.
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .options import COMMANDS, GLOBAL, Option, iso_date

if TYPE_CHECKING:
    from .library import Library
    from .results import Work

F = TypeVar("F", bound=Callable[..., Any])

# A command builds hundreds of thousands of small objects and almost no cycles; the
# collector's default thresholds would rescan them all many times over (a tenth of a
# compile, a fifth of a warm `show` of a code-sized law).  The process collects, but seldom.
GC_THRESHOLDS = (100_000, 50, 50)


class Progress:
    """Reports long work (compiling a law) on stderr once the command has run
    for ``delay`` seconds: one line per stage, updated in place.  Only on a
    terminal, as git does: piped or captured output stays clean."""

    def __init__(self, stream: Any = None, delay: float = 1.0):
        import time

        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.clock = time.monotonic
        self.start = self.clock()
        self.stage: str | None = None
        self.open_line = False
        self.last = 0.0
        try:
            self.tty = bool(self.stream.isatty())
        except (AttributeError, ValueError):
            self.tty = False

    def __call__(self, what: str, done: int, total: int) -> None:
        now = self.clock()
        if now - self.start < self.delay:
            return
        if not self.tty:
            return
        new_stage = what != self.stage
        self.stage = what
        if new_stage or done >= total or now - self.last >= 0.1:
            self.stream.write(f"\r\x1b[Kconsolidate: {what}: {done}/{total}" + ("\n" if done >= total else ""))
            self.stream.flush()
            self.open_line = done < total
            self.last = now

    def close(self) -> None:
        """End a line left open (the work stopped on an error)."""
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False


class Context:
    def __init__(self, corpus: Path | None, debug: bool):
        self.corpus_path = corpus
        self.debug = debug
        self._library: Library | None = None
        self.progress = Progress()

    @property
    def library(self) -> "Library":
        if self._library is None:
            from .library import Library

            self._library = Library.open(self.corpus_path, progress=self.progress)
        return self._library


def _fail(ctx: Context, exc: BaseException, message: str | None = None) -> NoReturn:
    if ctx.debug:
        raise exc
    ctx.progress.close()
    say(f"consolidate: error: {message or exc}")
    sys.exit(1)


def say(line: str) -> None:
    """One line on standard error, whatever its encoding can carry (what it cannot is escaped)."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except UnicodeEncodeError:
        encoding = getattr(sys.stderr, "encoding", None) or "ascii"
        sys.stderr.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # no standard error to say it on
        pass


class OutputError(Exception):
    """Standard output cannot take what the command writes: closed, full, or an encoding
    that cannot carry the text."""


def emit(text: str) -> None:
    """Write a command's output to standard output, and flush it (an error then is the
    command's, reported; never one Python prints at exit)."""
    out = sys.stdout
    if out is None:
        raise OutputError("cannot write to standard output: it is closed")
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise
    except UnicodeEncodeError as exc:
        encoding = getattr(out, "encoding", None) or "unknown"
        raise OutputError(f"standard output's encoding ({encoding}) cannot carry the text ({exc.object[exc.start:exc.end]!r}); "
                          "set PYTHONIOENCODING=utf-8 or a UTF-8 locale") from None
    except (OSError, ValueError) as exc:  # ENOSPC, EBADF, EIO; ValueError: stdout closed in this process
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write to standard output: {reason}") from None


def _run(fn: F) -> F:
    """Every failure of a command is one line on standard error and exit code 1 (with
    --debug, the traceback); a reader that closed the pipe ends the command as SIGPIPE would."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context().find_object(Context)
        assert ctx is not None
        from .errors import ConsolidationError

        try:
            return fn(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `consolidate show ... | head`: the reader has what it wanted
            _quiet_stdout()
            sys.exit(141)
        except (ConsolidationError, OutputError) as exc:
            _fail(ctx, exc)
        except MemoryError as exc:
            _fail(ctx, exc, "out of memory")
        except Exception as exc:  # noqa: BLE001 - a bug: still one line, the traceback with --debug
            _fail(ctx, exc, f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        finally:
            ctx.progress.close()

    return wrapper  # type: ignore[return-value]


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that Python's own flush at exit has nowhere to fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def parse_date(text: str, what: str = "date") -> _dt.date:
    """``YYYY-MM-DD`` → date (:func:`consolidate.options.iso_date`); anything else is an
    :class:`~consolidate.errors.InvalidDate` naming the option."""
    from .errors import InvalidDate

    day = iso_date(text)
    if day is None:
        raise InvalidDate(f"{what} must be an existing date YYYY-MM-DD (got {text!r})")
    return day


def _date(value: str | None, what: str) -> _dt.date | None:
    return None if value is None else parse_date(value, what)


def _click_option(option: Option) -> Callable[[F], F]:
    if option.flag:
        return click.option(option.name, option.dest, is_flag=True, help=option.help)
    kwargs: dict[str, Any] = {"help": option.help}
    if option.choices is not None:
        kwargs["type"] = click.Choice(list(option.choices))
    if option.metavar is not None:
        kwargs["metavar"] = option.metavar
    if option.default is not None:
        kwargs.update(default=option.default, show_default=option.show_default)
    if option.multiple:
        kwargs["multiple"] = True
    return click.option(option.name, option.dest, **kwargs)


def table(name: str) -> Callable[[F], F]:
    """The arguments and options of the command ``name``, from :data:`consolidate.options.COMMANDS`."""
    command = COMMANDS[name]

    def decorate(fn: F) -> F:
        for option in reversed(command.options):
            fn = _click_option(option)(fn)
        for argument in reversed(command.arguments):
            if argument.endswith("..."):
                fn = click.argument(argument[:-3].lower(), nargs=-1)(fn)
            else:
                fn = click.argument(argument.rstrip("?").lower(), required=not argument.endswith("?"))(fn)
        return fn

    return decorate


def _global_options(fn: F) -> F:
    for option in reversed(GLOBAL):
        if option.name == "--corpus":
            fn = click.option(option.name, type=click.Path(file_okay=False, path_type=Path), metavar=option.metavar,
                              help=option.help)(fn)
        else:
            fn = _click_option(option)(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@_global_options
@click.version_option(package_name="consolidate")
@click.pass_context
def main(ctx: click.Context, corpus: Path | None, debug: bool) -> None:
    """Point-in-time consolidation of legislation.

    Shows a law as it was in effect on a date, computed from its base text and
    the amending acts' own operations, and what changed between two dates, and
    why.

    \b
    Examples:
      consolidate laws
      consolidate show kz-national-security --as-of 2016-01-02 --lang rus
      consolidate diff kz-national-security 2020-07-01 2020-12-31 --lang rus
    """
    import gc

    gc.set_threshold(*GC_THRESHOLDS)
    ctx.obj = Context(corpus, debug)


def _lang(ctx: Context, slug: str, lang: str | None) -> str:
    return lang or ctx.library.law(slug).default_lang()


def _work(ctx: Context, slug: str) -> "Work":
    from .library import work_of

    return work_of(ctx.library.law(slug))


@main.command()
@table("laws")
@click.pass_obj
@_run
def laws(ctx: Context) -> None:
    """List the laws in the corpus with their languages and acts.

    \b
    Example:
      consolidate laws
    """
    from .render import output

    emit(output.laws(ctx.library.laws()))


@main.command()
@table("show")
@click.pass_obj
@_run
def show(ctx: Context, law: str, as_of: str | None, known_on: str | None, lang: str | None,
         provision: str | None, fmt: str, notes: bool) -> None:
    """Show LAW as in effect on a date.

    Units whose text the corpus does not hold on that date are shown as
    unknown, never guessed.

    \b
    Examples:
      consolidate show kz-national-security --as-of 2016-01-02 --lang rus
      consolidate show kz-national-security --as-of 2025-06-01 --lang eng --format json
      consolidate show kz-national-security --as-of 2020-12-31 --provision art_15__para_1__subpara_6-1
      consolidate show kz-national-security --as-of 2015-01-01 --known-on 2014-12-01
    """
    day = _date(as_of, "--as-of") or _dt.date.today()
    known = _date(known_on, "--known-on")
    language = _lang(ctx, law, lang)
    from .render import output

    reading = ctx.library.show(law, day, lang=language, known_on=known, provision=provision, notes=notes,
                               referrers=fmt == "json" and provision is not None)
    # the acts' adoption dates name them fully in HTML and Akoma Ntoso (a Reading holds their numbers)
    adopted = ctx.library.timeline(law, language, known).adopted if fmt in ("html", "akn") else None
    emit(output.show(reading, fmt=fmt, adopted=adopted))
    if fmt == "text" and known is None and provision is None and not notes:
        # the next plain `show` of this law, on any date, is answered by the text index
        ctx.library.write_indexes(law, language, diff=False)


@main.command()
@table("diff")
@click.pass_obj
@_run
def diff(ctx: Context, law: str, date1: str, date2: str, lang: str | None, provision: str | None,
         fmt: str) -> None:
    """What changed in LAW from DATE1 to DATE2, unit by unit and word by word,
    with the act behind every change.

    Colour on a terminal or with FORCE_COLOR set; none when piped or with NO_COLOR set.

    \b
    Examples:
      consolidate diff kz-national-security 2020-07-01 2020-12-31 --lang rus
      consolidate diff kz-national-security 2015-12-31 2016-01-02 --format json
    """
    a = parse_date(date1, "DATE1")
    b = parse_date(date2, "DATE2")
    from .render import output
    from .render.lines import use_color

    d = ctx.library.diff(law, a, b, lang=_lang(ctx, law, lang), provision=provision)
    work = _work(ctx, law) if fmt in ("json", "html") else None  # the FRBR URIs (a Diff holds the slug)
    emit(output.diff(d, fmt=fmt, color=use_color(sys.stdout), work=work))
    if fmt == "text" and provision is None:
        # the next plain `diff` of this law, between any dates, is answered by the diff index
        ctx.library.write_indexes(law, d.lang, text=False)


@main.command()
@table("timeline")
@click.pass_obj
@_run
def timeline(ctx: Context, law: str, lang: str | None, provision: str | None, fmt: str) -> None:
    """The replay of LAW in time order: every operation with its date and
    derivation, or, with --provision, the versions of one unit.

    \b
    Examples:
      consolidate timeline kz-national-security
      consolidate timeline kz-national-security --provision art_15__para_1__subpara_4 --format json
    """
    from .render import output

    h = ctx.library.history(law, _lang(ctx, law, lang), provision)
    emit(output.history(h, fmt=fmt, work=_work(ctx, law) if fmt == "json" else None))


@main.command()
@table("acts")
@click.pass_obj
@_run
def acts(ctx: Context, law: str, fmt: str) -> None:
    """List the amending acts of LAW: number, adoption, first publication (or
    "unknown"), the commencement rule as written and as parsed, the effective
    date or interval, exceptions, and the provisions each touches.

    \b
    Example:
      consolidate acts kz-national-security
    """
    from .render import output

    emit(output.acts(ctx.library.acts(law), fmt=fmt))


@main.command()
@table("effective")
@click.pass_obj
@_run
def effective(ctx: Context, rule: str, published: str | None, adopted: str | None, lang: str, fmt: str) -> None:
    """The date from which a commencement RULE puts an act into effect, with
    its derivation (Civil Code arts. 173-174; Law on legal acts art. 37).

    \b
    Examples:
      consolidate effective "по истечении десяти календарных дней после дня его первого официального опубликования" --published 2020-07-06
      consolidate effective "shall be enforced upon expiry of two months after its first official publication" --published 2015-12-31 --lang eng
      consolidate effective "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования" --adopted 2020-07-03 --format json
    """
    pub = _date(published, "--published")
    adp = _date(adopted, "--adopted")
    if pub is None and adp is None:
        raise click.UsageError("give --published, or --adopted when the publication date is unknown")
    from .library import Library
    from .render import output

    eff = Library.effective(rule, published=pub, adopted=adp, lang=lang)
    emit(output.effective(eff, rule=rule, fmt=fmt))


@main.command()
@table("check")
@click.pass_obj
@_run
def check(ctx: Context, law: str | None, fmt: str) -> None:
    """Validate the act files of LAW (or of every law) and compare the replayed
    text with every check point, unit by unit.

    Exits 1 if an act does not apply.

    \b
    Examples:
      consolidate check kz-national-security
      consolidate check
    """
    from .render import output

    reports = ctx.library.check(law)
    emit(output.check(reports, fmt=fmt))
    failed = [r for r in reports if not r.ok]
    if failed:
        say("consolidate: error: check failed: " + "; ".join(
            f"{r.law}: {len(r.problems)} operation(s) that do not apply, {len(r.structural)} unit(s) missing from "
            "the replay or from a check point" for r in failed))
        sys.exit(1)


@main.command("import")
@table("import")
@click.pass_obj
@_run
def import_(ctx: Context, slug: str, number: str | None, adopted: str | None, lang: str | None,
            base: str | None, acts: str | None, title: str | None, facts: str | None) -> None:
    """Add the law SLUG to the corpus (or a language to it) from its consolidated
    text and its amending acts as published, whole: the item(s) of each act that
    amend this law are found by the law's title and date, their operations read,
    and law.toml, acts/*.toml, sources/ and the base snapshot written.  Nothing is
    written unless every act reads; running it again writes the same bytes.

    \b
    Examples:
      consolidate --corpus /tmp/corpus import kz-national-security --number 527-IV \\
          --adopted 2012-01-06 --lang rus --base rus/2014-after-189-V.md --acts acts-rus/
      consolidate --corpus /tmp/corpus import kz-national-security --number 527-IV \\
          --adopted 2012-01-06 --lang eng --base eng/2025-adilet.txt
    """
    missing = [name for name, value in (("--number", number), ("--adopted", adopted), ("--lang", lang),
                                        ("--base", base)) if value is None]
    if missing:
        raise click.UsageError(f"import needs {', '.join(missing)}")
    assert number is not None and lang is not None and base is not None
    day = parse_date(adopted or "", "--adopted")
    from . import environment
    from .importer import import_texts

    root = Path(ctx.corpus_path if ctx.corpus_path is not None else environment.corpus_root())
    result = import_texts(root, slug, number=number, adopted=day, lang=lang, base=Path(base),
                          acts=Path(acts) if acts is not None else None, title=title,
                          facts=Path(facts) if facts is not None else None, progress=ctx.progress)
    for line in result.skipped:
        say(f"consolidate: {line}")
    for line in result.warnings:
        say(f"consolidate: warning: {line}")
    say(f"consolidate: {slug} ({lang}): {len(result.acts)} act(s) read, {len(result.files)} file(s) written "
        f"under {root}")


@main.command()
@table("build")
@click.pass_obj
@_run
def build(ctx: Context, law: tuple[str, ...], lang: tuple[str, ...], jobs: str | None) -> None:
    """Compile LAW (or every law of the corpus) in each language and write its
    time line, text index and diff index to the store, several laws at once:
    the command a server or CI runs after the corpus changes.

    One line on stderr per law done; a law that fails is named there and the
    others go on.  Exits 1 if any failed.

    \b
    Examples:
      consolidate build
      consolidate build kz-national-security kz-foreign-intelligence --lang rus --lang kaz --jobs 2
    """
    from .build import build as build_laws

    count: int | None = None
    if jobs is not None:
        count = int(jobs) if jobs.isascii() and jobs.isdigit() else 0
        if count < 1:
            from .errors import DataError

            raise DataError(f"--jobs must be a whole number of at least 1 (got {jobs!r})")
    total = len(law) or len(ctx.library.corpus.slugs())
    failed: list[str] = []
    for done, built in enumerate(build_laws(ctx.library, law, langs=lang, jobs=count), 1):
        head = f"[{done}/{total}] {built.law}"
        if built.error is not None:
            failed.append(built.law)
            say(f"{head} failed: {built.error}")
            continue
        note = f" (indexes not written for {', '.join(built.unindexed)}: files changed in the last 2 s)" \
            if built.unindexed else ""
        say(f"{head} ({', '.join(built.langs)}) {built.seconds:.2f} s{note}")
    if failed:
        say(f"consolidate: error: {len(failed)} of {total} law(s) failed to build: {', '.join(sorted(failed))}")
        sys.exit(1)


@main.command()
@table("cache")
@click.pass_obj
@_run
def cache(ctx: Context, prune: bool) -> None:
    """Where the store of compiled laws and indexes is and how much it holds; with
    --prune, remove what no current input of the corpus points at (laws and
    languages gone, entries of changed files or of another engine, writes left
    over) and say the size before and after.

    \b
    Examples:
      consolidate cache
      consolidate cache --prune
    """
    from .render import output

    emit(output.pruned(ctx.library.prune_store()) if prune else output.cache(ctx.library.store_usage()))


@main.command()
@table("serve")
@click.pass_obj
@_run
def serve(ctx: Context, host: str, port: str) -> None:
    """Serve the laws in a browser: each law as of any date, what changed between two
    dates and the history of every provision, with the same JSON under /api.

    \b
    Example:
      consolidate serve --port 8080      # then open http://127.0.0.1:8080/
    """
    try:
        number = int(port)
        if not 0 <= number <= 65535:
            raise ValueError
    except ValueError:
        raise click.BadParameter(f"must be a port number 0-65535 (got {port!r})", param_hint="--port") from None
    from .web import create_app

    click.echo(f"consolidate: serving {ctx.library.corpus.root} on http://{host}:{number}/", err=True)
    create_app(ctx.library).run(host=host, port=number, threaded=True)


if __name__ == "__main__":  # pragma: no cover
    main()
