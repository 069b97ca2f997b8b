"""Trial 15 W1: a word typed in a terminal that is not UTF-8 (乌镇 in GBK) reaches Python as lone surrogates, and
ended in a UnicodeEncodeError traceback in search, series, plot and show --where. Every command's words, ids and
values are refused with one usage line naming the option and showing the bytes; paths may be any bytes; the
library refuses such text with an ArgumentError."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import Name, cli
from tongxiang_digital_economy.core.arguments import undecodable
from tongxiang_digital_economy.core.exceptions import ArgumentError
from tongxiang_digital_economy.core.paths import bundled_package_dir

runner = CliRunner()
GBK = "乌镇".encode("gbk").decode("utf-8", "surrogateescape")  # what sys.argv holds for 乌镇 typed in GBK
SHOWN = r"\xce\xda\xd5\xf2"
ADVICE = "is not UTF-8 text (its bytes shown as \\x escapes): set the terminal to UTF-8 and give it again"

# For each command, arguments that make it run, and where the bad word goes: {} is replaced by it.
CASES = [
    (["search", "{}"], "'[TEXT]'"),
    (["search", "Wuzhen", "--theme", "{}"], "'--theme'"),
    (["series", "{}"], "'INDICATOR'"),
    (["series", "gdp", "--subject", "{}"], "'--subject'"),
    (["plot", "{}", "-o", "x.svg"], "'INDICATOR'"),
    (["plot", "gdp", "--subject", "{}", "-o", "x.svg"], "'--subject'"),
    (["show", "{}"], "'TABLE'"),
    (["show", "indicators", "--where", "place_id={}"], "'--where'"),
    (["export", "{}", "--format", "csv", "-o", "out"], "'[TABLE]...'"),
    (["cite", "--source", "{}"], "'--source'"),
    (["cite", "--observation", "{}"], "'--observation'"),
    (["serve", "--host", "{}"], "'--host'"),
]


@pytest.mark.parametrize(("args", "option"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_word_that_is_not_utf8_is_one_usage_error_naming_its_option(args: list[str], option: str) -> None:
    result = runner.invoke(cli, [a.replace("{}", GBK) for a in args], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for {option}: '{SHOWN}' {ADVICE}",
    )


def test_every_text_parameter_of_every_command_is_in_the_cases() -> None:
    """The cases above are every parameter a user types as a word (click's text type, not a path nor a folder)."""
    typed = {
        (name, param.name)
        for name, command in cli.commands.items()
        for param in command.params
        if param.type.name == "text"
        and not isinstance(param.type, click.Path)
        and not (isinstance(param.type, Name) and param.type.folder)
        and param.name not in ("output",)  # a file to write: a path, checked as one (output_path)
    }
    named = {
        ("search", "text"),
        ("search", "theme"),
        ("series", "indicator"),
        ("series", "subject"),
        ("plot", "indicator"),
        ("plot", "subject"),
        ("show", "table"),
        ("show", "where"),
        ("export", "names"),
        ("cite", "source_id"),
        ("cite", "observation_id"),
        ("serve", "host"),
    }
    assert typed == named


def test_a_path_may_be_any_bytes(tmp_path: Path) -> None:
    """A file name is bytes on POSIX: an output named in GBK is written, not refused."""
    out = tmp_path / f"{GBK}.csv"
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert out.read_bytes() == (bundled_package_dir() / "data" / "units.csv").read_bytes()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: tde.search("\ud800"), "text must be Unicode text, not the undecodable bytes '\\ud800'"),
        (lambda: tde.series("gdp", subject=GBK), f"subject must be Unicode text, not the undecodable bytes '{SHOWN}'"),
        (lambda: tde.load(GBK), f"table must be Unicode text, not the undecodable bytes '{SHOWN}'"),
    ],
)
def test_the_library_refuses_text_that_is_not_unicode(call: object, message: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message


def test_undecodable_shows_the_bytes_and_passes_text() -> None:
    assert (undecodable(GBK), undecodable("Wuzhen\udcff"), undecodable("乌镇 Wūzhèn")) == (SHOWN, r"Wuzhen\xff", None)
