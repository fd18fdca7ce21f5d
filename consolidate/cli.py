"""The command line: ``consolidate laws|show|diff|timeline|acts|effective|check``.

The only module that imports click.  Each command parses its options, calls
one library function and renders the result; everything heavy is imported
inside the command so that ``consolidate --help`` starts at once.  Exit
codes: 0 success, 1 a data or domain error (one line naming file, act and
operation; a traceback only with ``--debug``), 2 a usage error.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from .query import Library

from .languages import LANGS


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
            from .query import Library

            self._library = Library.open(self.corpus_path, progress=self.progress)
        return self._library


def _fail(ctx: Context, exc: BaseException) -> NoReturn:
    if ctx.debug:
        raise exc
    click.echo(f"consolidate: error: {exc}", err=True)
    sys.exit(1)


def _run(fn: Any) -> Any:
    """Map domain errors to exit code 1 with one clear line."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context().find_object(Context)
        assert ctx is not None
        from .errors import ConsolidationError

        try:
            return fn(*args, **kwargs)
        except ConsolidationError as exc:
            ctx.progress.close()
            _fail(ctx, exc)
        except BrokenPipeError:  # `consolidate show ... | head`
            sys.stderr.close()
            sys.exit(0)
        finally:
            ctx.progress.close()

    return wrapper


def _date(value: str | None, what: str) -> _dt.date | None:
    if value is None:
        return None
    from .timeline import parse_date

    return parse_date(value, what)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), envvar="CONSOLIDATE_CORPUS",
              help="Corpus folder holding amendments/ and snapshots/ (default: the shipped corpus).")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
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
    # A command builds tens of thousands of small objects and little garbage; the
    # default thresholds would rescan them all many times over (a fifth of a
    # warm `show` of a code-sized law).  Collect, but seldom.
    import gc

    gc.set_threshold(100_000, 50, 50)
    ctx.obj = Context(corpus, debug)


@main.command()
@click.pass_obj
@_run
def laws(ctx: Context) -> None:
    """List the laws in the corpus with their languages and acts.

    \b
    Example:
      consolidate laws
    """
    lib = ctx.library
    for slug in lib.corpus.slugs():
        law = lib.law(slug)
        title = law.titles.get("rus") or next(iter(law.titles.values()), "")
        langs = ",".join(law.langs())
        click.echo(f"{slug}\t{law.number}\t{law.adopted.isoformat()}\t{langs}\t{len(law.acts)} acts\t{title}")


def _lang(ctx: Context, slug: str, lang: str | None) -> str:
    if lang:
        return lang
    return ctx.library.law(slug).default_lang()


@main.command()
@click.argument("law")
@click.option("--as-of", "as_of", metavar="DATE", help="The date (YYYY-MM-DD); default: today.")
@click.option("--known-on", "known_on", metavar="DATE",
              help="Use only acts first published on or before this date.")
@click.option("--lang", type=click.Choice(list(LANGS)), help="Language of the text (default: rus).")
@click.option("--provision", metavar="EID", help="Only this unit and what it contains, e.g. art_15__para_1.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html", "akn"]), default="text",
              show_default=True)
@click.option("--notes", is_flag=True, help="Add footnotes generated from the operations.")
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

    view = ctx.library.show(law, day, lang=language, known_on=known, provision=provision)
    click.echo(output.show(ctx.library, view, fmt=fmt, provision=provision, notes=notes), nl=False)
    if fmt == "text" and known is None and provision is None and not notes:
        # the next plain `show` of this law, on any date, is answered by the text index
        from . import textindex

        textindex.ensure(str(ctx.library.corpus.root), ctx.library.timeline(law, language))


@main.command()
@click.argument("law")
@click.argument("date1")
@click.argument("date2")
@click.option("--lang", type=click.Choice(list(LANGS)), help="Language of the text (default: rus).")
@click.option("--provision", metavar="EID", help="Only changes at or below this unit.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
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
    a = _date(date1, "DATE1")
    b = _date(date2, "DATE2")
    assert a is not None and b is not None
    from .render import output

    d = ctx.library.diff(law, a, b, lang=_lang(ctx, law, lang), provision=provision)
    # colour is decided by the renderer (use_color), so click must not strip it when FORCE_COLOR is set
    click.echo(output.diff(ctx.library, d, fmt=fmt, stream=sys.stdout), nl=False, color=True)
    if fmt == "text" and provision is None:
        # the next plain `diff` of this law, between any dates, is answered by the diff index
        from . import diffindex

        diffindex.ensure(str(ctx.library.corpus.root), ctx.library.timeline(law, d.lang), ctx.progress)


@main.command()
@click.argument("law")
@click.option("--lang", type=click.Choice(list(LANGS)), help="Language of the text (default: rus).")
@click.option("--provision", metavar="EID", help="The versions of this unit.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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

    tl = ctx.library.timeline(law, _lang(ctx, law, lang))
    if provision is not None and provision not in tl.chains:
        from .errors import UnknownProvision

        raise UnknownProvision(f"no provision {provision!r} in {law} ({tl.lang}) at any date")
    click.echo(output.timeline(tl, fmt=fmt, provision=provision), nl=False)


@main.command()
@click.argument("law")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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

    click.echo(output.acts(ctx.library.law(law), fmt=fmt), nl=False)


@main.command()
@click.argument("rule")
@click.option("--published", metavar="DATE", help="First official publication (omit if unknown).")
@click.option("--adopted", metavar="DATE", help="Adoption (signing) date; bounds an unknown publication.")
@click.option("--lang", type=click.Choice(list(LANGS)), default="rus", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
    from .render import output

    click.echo(output.effective(rule, published=pub, adopted=adp, lang=lang, fmt=fmt), nl=False)


@main.command()
@click.argument("law", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
    from .checks import check_law

    slugs = [law] if law else ctx.library.corpus.slugs()
    reports = [check_law(ctx.library, s) for s in slugs]
    click.echo(output.check(reports, fmt=fmt), nl=False)
    if any(not r.ok for r in reports):
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
