"""The option table (consolidate/options.py): the command line is built from it, and
the quick path's reading of an argument list agrees with click's wherever it reads one."""

from __future__ import annotations

from typing import Any

import click
import pytest
from hypothesis import given, settings, strategies as st

from consolidate import cli, options


def click_reading(argv: list[str]) -> tuple[dict[str, Any], str, dict[str, Any]] | None:
    """What click makes of ``argv``: the group's values, the command, its values; None if it refuses."""
    import warnings

    group = cli.main
    try:
        ctx = group.make_context("consolidate", list(argv), resilient_parsing=False)
        with warnings.catch_warnings():  # click 8.2 moves the rest of the line from protected_args to args
            warnings.simplefilter("ignore", DeprecationWarning)
            rest = [*ctx.protected_args, *ctx.args]
        name = rest[0] if rest else None
        if name is None or name not in group.commands:
            return None
        command = group.commands[name]
        sub = command.make_context(name, rest[1:], parent=ctx)
    except (click.exceptions.Exit, click.UsageError, click.exceptions.Abort):
        return None
    return dict(ctx.params), name, dict(sub.params)


class TestTheTableIsTheCommandLine:
    def test_every_command_and_option_of_the_command_line_is_in_the_table(self) -> None:
        commands = cli.main.commands
        assert set(commands) == set(options.COMMANDS)
        for name, command in commands.items():
            table = options.COMMANDS[name]
            got = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
            assert got == {o.name for o in table.options}, name
            args = [p.name for p in command.params if isinstance(p, click.Argument)]
            assert args == [a.rstrip("?.").lower() for a in table.arguments], name
            for p in command.params:
                if isinstance(p, click.Option):
                    o = table.option(p.opts[0])
                    assert o is not None and p.is_flag == o.flag and p.multiple == o.multiple
                    if o.choices is not None:
                        assert isinstance(p.type, click.Choice) and tuple(p.type.choices) == o.choices

    def test_the_global_options(self) -> None:
        got = {o for p in cli.main.params if isinstance(p, click.Option) for o in p.opts}
        assert {o.name for o in options.GLOBAL} <= got


def _words() -> st.SearchStrategy[str]:
    names = [o.name for c in options.COMMANDS.values() for o in c.options] + [o.name for o in options.GLOBAL]
    values = ["text", "json", "md", "rus", "kaz", "xx", "2020-01-01", "2020-13-01", "kz-national-security", "",
              "art_1", "--", "-h", "--help", "--nope", "X"]
    return st.one_of(
        st.sampled_from(list(options.COMMANDS)),
        st.sampled_from(names),
        st.builds(lambda n, v: f"{n}={v}", st.sampled_from(names), st.sampled_from(values)),
        st.sampled_from(values),
    )


@st.composite
def _command_lines(draw: st.DrawFn) -> list[str]:
    """Well-formed command lines made from the table: a command, its arguments and some of
    its options with values they accept, in any order, in both spellings."""
    command = draw(st.sampled_from(list(options.COMMANDS.values())))
    words: list[list[str]] = [[a.rstrip(".").lower()] * (draw(st.integers(0, 3)) if a.endswith("...") else 1)
                              for a in command.arguments if not a.endswith("?") or draw(st.booleans())]
    words = [[w] for ws in words for w in ws]
    chosen = draw(st.lists(st.sampled_from(command.options), unique_by=lambda o: o.name)) if command.options else []
    for option in [o for o in chosen for _ in range(2 if o.multiple and draw(st.booleans()) else 1)]:
        if option.flag:
            words.append([option.name])
            continue
        value = draw(st.sampled_from(option.choices) if option.choices else st.sampled_from(["2020-01-01", "art_1"]))
        words.append([f"{option.name}={value}"] if draw(st.booleans()) else [option.name, value])
    head = draw(st.sampled_from([[], ["--corpus", "X"], ["--debug"], ["--corpus=Y", "--debug"]]))
    order = draw(st.permutations(words))
    # arguments keep their order among themselves
    args = iter([w for w in words if not w[0].startswith("-")])
    return head + [command.name] + [x for w in order for x in (next(args) if not w[0].startswith("-") else w)]


@settings(max_examples=400, deadline=None)
@given(argv=st.lists(_words(), max_size=9))
def test_what_the_table_reads_click_reads_the_same(argv: list[str]) -> None:
    """Wherever :func:`options.parse` reads an argument list, click reads it too, to the same values."""
    parsed = options.parse(argv)
    if parsed is None:
        return
    assert_same_reading(argv, parsed)


@settings(max_examples=300, deadline=None)
@given(argv=_command_lines())
def test_a_well_formed_command_line_is_read_by_both(argv: list[str]) -> None:
    parsed = options.parse(argv)
    assert parsed is not None, argv
    assert_same_reading(argv, parsed)


def assert_same_reading(argv: list[str], parsed: options.Parsed) -> None:
    ours = click_reading(argv)
    assert ours is not None, argv
    group_values, name, values = ours
    assert name == parsed.command.name
    for option in options.GLOBAL:
        if option.name in parsed.globals:
            got = group_values[option.dest]
            assert (str(got) if not option.flag else got) == parsed.globals[option.name], (argv, option.name)
    for option in parsed.command.options:
        expected = parsed.value(option.name)
        got = values[option.dest]
        if option.flag:
            assert bool(got) == bool(expected), (argv, option.name)
        else:
            assert got == expected, (argv, option.name)
    args: list[str] = []
    for a in parsed.command.arguments:
        value = values[a.rstrip("?.").lower()]
        args += list(value) if a.endswith("...") else [] if value is None else [value]
    assert args == parsed.arguments


@pytest.mark.parametrize("argv", [
    ["show", "kz-national-security", "--as-of", "2020-12-31"],
    ["--corpus", "X", "diff", "L", "2020-01-01", "2021-01-01", "--lang=kaz"],
    ["show", "L", "--notes", "--format", "md"],
    ["check"],
    ["build"],
    ["build", "a", "b", "--lang", "rus", "--lang=kaz", "--jobs", "2"],
    ["cache", "--prune"],
])
def test_plain_command_lines_are_read(argv: list[str]) -> None:
    assert options.parse(argv) is not None and click_reading(argv) is not None
