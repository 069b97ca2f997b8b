"""Charts: reproducible bytes, the README chart fresh, errors said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.plot import PlotError, plot

pytest.importorskip("matplotlib", reason="plot needs the plot extra (matplotlib)")

runner = CliRunner(catch_exceptions=False)
ROOT = Path(__file__).resolve().parents[1]
README_CHART = ROOT / "docs" / "charts" / "digital-economy-enterprises-tongxiang.svg"


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_the_same_data_gives_the_same_bytes(tmp_path: Path, suffix: str) -> None:
    first = plot("digital_economy_enterprises", "tongxiang", tmp_path / f"a{suffix}")
    second = plot("digital_economy_enterprises", "tongxiang", tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"a{suffix}", f"b{suffix}"]


def test_the_chart_says_what_it_shows(tmp_path: Path) -> None:
    svg = plot("digital_economy_enterprises", "tongxiang", tmp_path / "c.svg").read_text(encoding="utf-8")
    for words in (
        "Digital-economy enterprises: Tongxiang",  # indicator and subject
        "number (count)",  # the unit on the axis
        "source grade: state_media",  # sources marked
        "more than",  # bounds shown as bounds
        "competing figure",  # conflicts visible
    ):
        assert words in svg, words
    assert "<dc:date>" not in svg  # no date, so the bytes are stable


def test_targets_are_drawn_apart(tmp_path: Path) -> None:
    svg = plot("event_guests", "world-internet-conference", tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "targets (preferred)" in svg and "preferred figures" in svg


def test_figures_in_another_currency_are_named_not_drawn(tmp_path: Path) -> None:
    svg = plot("gdp", "tongxiang", tmp_path / "g.svg").read_text(encoding="utf-8")
    assert "not drawn: 1 figures in billion_usd" in svg
    assert "yuan (yuan)" in svg


@pytest.mark.skipif(not README_CHART.is_file(), reason="needs the repository checkout")
def test_the_readme_chart_is_fresh(tmp_path: Path) -> None:
    made = plot("digital_economy_enterprises", "tongxiang", tmp_path / README_CHART.name, path=ROOT)
    assert made.read_bytes() == README_CHART.read_bytes(), "run scripts/build"
    assert f"]({README_CHART.relative_to(ROOT).as_posix()})" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_plot_command(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    args = ["plot", "digital_economy_enterprises", "--subject", "tongxiang", "-o", str(out)]
    assert (runner.invoke(cli, args).output, out.read_bytes()[:8]) == (f"wrote {out}\n", b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (1, f"Error: {out} exists; pass --force to replace it\n")
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0


def test_plot_needs_png_or_svg(tmp_path: Path) -> None:
    with pytest.raises(PlotError) as caught:
        plot("digital_economy_enterprises", "tongxiang", tmp_path / "chart.pdf")
    assert str(caught.value) == f"{tmp_path / 'chart.pdf'}: the chart file must end in .png or .svg"
