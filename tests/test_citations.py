"""Citations: the dataset in four formats, one source, one figure; escaping; nothing invented."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.io.atomic import write_json
from tongxiang_digital_economy.schema import descriptor
from tongxiang_digital_economy.use import citations as citing

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def set_metadata(root: Path, **values: object) -> None:
    d = descriptor.read_json(root / "datapackage.json")
    d.update(values)
    write_json(root / "datapackage.json", d)


@pytest.fixture
def described(package: PackageCopy) -> PackageCopy:
    """A copy with a known title (with characters that break naive YAML and BibTeX), creator, homepage and DOI."""
    set_metadata(
        package.root,
        title='Tongxiang "Digital Economy" {Data} 100% & more_',
        version="1.2.3",
        created="2026-12-01T00:00:00Z",
        contributors=[{"title": "Wang Fang", "roles": ["creator"]}, {"title": "Li Lei", "roles": ["creator"]}],
        homepage="https://example.org/tde",
        id="https://doi.org/10.5281/zenodo.1234567",
    )
    return package


def fingerprint(package: PackageCopy) -> str:
    """The data fingerprint, recomputed here: sha256 over each table's name and recorded hash, sorted."""
    d = descriptor.read_json(package.root / "datapackage.json")
    text = "\n".join(sorted(f"{r['name']} {r['hash']}" for r in d["resources"]))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_text_citation(described: PackageCopy) -> None:
    assert invoke("cite", "--format", "text", "--package", str(described.root)) == (
        0,
        'Wang Fang; Li Lei (2026). Tongxiang "Digital Economy" {Data} 100% & more_ (Version 1.2.3) [Data set]. '
        "Python package and Frictionless Data Package `tongxiang-digital-economy`. Licence: CC-BY-4.0. "
        f"Data fingerprint {fingerprint(described)}. https://doi.org/10.5281/zenodo.1234567\n",
    )


def test_cff_names_the_fingerprint_of_a_release_or_of_the_data_a_user_cites(described: PackageCopy) -> None:
    """CITATION.cff (scripts/build, `generated`) carries the fingerprint of a release only: between releases every
    edit would change it. The file a user saves from `cite --format cff` pins the data cited either way, as the
    text, BibTeX and CSL forms do (trial 16 m11: a .dev version's CFF had nothing that pinned the data)."""
    identifiers = [
        {
            "type": "other",
            "value": fingerprint(described),
            "description": "Data fingerprint of the Frictionless Data Package tongxiang-digital-economy",
        }
    ]
    for generated in (False, True):
        released = yaml.safe_load(citing.as_cff(citing.citation(described.root), generated=generated))
        assert released["identifiers"] == identifiers
    set_metadata(described.root, version="1.2.4.dev0")  # between releases every edit would change it
    c = citing.citation(described.root)
    assert "identifiers" not in yaml.safe_load(citing.as_cff(c, generated=True))
    code, out = invoke("cite", "--format", "cff", "--package", str(described.root))
    assert (code, yaml.safe_load(out)["identifiers"]) == (0, [{**identifiers[0], "value": c["fingerprint"]}])


def test_the_fingerprint_changes_with_any_table(package: PackageCopy) -> None:
    before = citing.citation(package.root)["fingerprint"]
    package.edit("units", 2, label="edited")
    assert citing.citation(package.root)["fingerprint"] == fingerprint(package) != before


def test_bibtex_escapes_special_characters(described: PackageCopy) -> None:
    assert invoke("cite", "--format", "bibtex", "--package", str(described.root))[1] == (
        "@misc{tongxiang_digital_economy_1_2_3,\n"
        '  title = {{Tongxiang "Digital Economy" \\{Data\\} 100\\% \\& more\\_}},\n'
        "  author = {{Wang Fang} and {Li Lei}},\n"
        "  year = {2026},\n"
        "  version = {1.2.3},\n"
        "  note = {Frictionless Data Package tongxiang-digital-economy, licence CC-BY-4.0, data fingerprint "
        f"{fingerprint(described)}}},\n"
        "  doi = {10.5281/zenodo.1234567},\n"
        "  url = {https://example.org/tde}\n"
        "}\n"
    )


def test_cff_is_valid_yaml_whatever_the_title(described: PackageCopy) -> None:
    code, out = invoke("cite", "--format", "cff", "--package", str(described.root))
    data = yaml.safe_load(out)
    assert code == 0
    assert data["title"] == 'Tongxiang "Digital Economy" {Data} 100% & more_'
    assert (data["version"], data["date-released"], data["doi"], data["url"]) == (
        "1.2.3",
        "2026-12-01",
        "10.5281/zenodo.1234567",
        "https://example.org/tde",
    )
    assert data["authors"] == [{"name": "Wang Fang"}, {"name": "Li Lei"}]


def test_cite_cff_does_not_say_it_is_generated_by_scripts_build(described: PackageCopy) -> None:
    """Trial 8 m8: the file a user saves from `cite --format cff` is theirs; only the repository's CITATION.cff is
    scripts/build's."""
    code, out = invoke("cite", "--format", "cff", "--package", str(described.root))
    assert (code, out.splitlines()[0]) == (0, "cff-version: 1.2.0")
    assert citing.as_cff(citing.citation(described.root), generated=True).splitlines()[:2] == [
        "# Generated from datapackage.json by scripts/build; do not edit by hand.",
        "cff-version: 1.2.0",
    ]


def test_csl_json(described: PackageCopy) -> None:
    [item] = json.loads(invoke("cite", "--format", "csl", "--package", str(described.root))[1])
    assert {k: item[k] for k in ("id", "type", "version", "DOI", "URL", "issued", "author")} == {
        "id": "tongxiang_digital_economy_1_2_3",
        "type": "dataset",
        "version": "1.2.3",
        "DOI": "10.5281/zenodo.1234567",
        "URL": "https://doi.org/10.5281/zenodo.1234567",
        "issued": {"date-parts": [[2026, 12, 1]]},
        "author": [{"literal": "Wang Fang"}, {"literal": "Li Lei"}],
    }


def test_all_formats_at_once(described: PackageCopy) -> None:
    out = invoke("cite", "--package", str(described.root))[1]
    c = citing.citation(described.root)
    assert (
        out
        == "\n\n".join(f(c).rstrip("\n") for f in (citing.as_text, citing.as_bibtex, citing.as_cff, citing.as_csl))
        + "\n"
    )


def test_nothing_is_invented(package: PackageCopy) -> None:
    """Without homepage and DOI no format has a URL; a development version has no release date."""
    set_metadata(package.root, version="1.0.0.dev0")
    c = citing.citation(package.root)
    assert "http" not in citing.as_text(c) and "url" not in citing.as_bibtex(c)
    assert "date-released" not in citing.as_cff(c) and "url:" not in citing.as_cff(c)
    assert "(Version 1.0.0.dev0, unreleased)" in citing.as_text(c)
    assert "publication_date" not in json.loads(citing.as_zenodo(c))
    [item] = json.loads(citing.as_csl(c))  # trial 15 m3: `created` was its `issued` date
    assert "issued" not in item and item["status"] == "unreleased"
    assert [m.split("`")[1] for m in citing.missing_metadata(c)] == (
        ["homepage", "id"] + (["contributors"] if any(a.endswith(" contributors") for a in c["authors"]) else [])
    )


def test_zenodo_metadata(described: PackageCopy) -> None:
    meta = json.loads(citing.as_zenodo(citing.citation(described.root)))
    assert {k: meta[k] for k in ("version", "upload_type", "creators", "license", "publication_date")} == {
        "version": "1.2.3",
        "upload_type": "dataset",
        "creators": [{"name": "Wang Fang"}, {"name": "Li Lei"}],
        "license": "cc-by-4.0",
        "publication_date": "2026-12-01",
    }
    assert meta["related_identifiers"] == [
        {"identifier": "https://example.org/tde", "relation": "isSupplementTo", "scheme": "url"}
    ]


def test_cite_one_source(package: PackageCopy) -> None:
    package.edit(
        "sources",
        2,
        publisher="Example Daily",
        original_publisher="Example Agency",
        published="2020-01-14",
        title='A "quoted" title',
        url="https://example.org/a",
    )
    source_id = package.rows("sources")[0]["source_id"]
    assert invoke("cite", "--source", source_id, "--package", str(package.root)) == (
        0,
        'Example Daily (2020-01-14). A "quoted" title. First published by Example Agency. https://example.org/a\n',
    )


def first_observation(package: PackageCopy) -> dict[str, str]:
    return package.rows("indicators")[0]


def test_cite_one_figure_in_one_paragraph(described: PackageCopy) -> None:
    row = first_observation(described)
    described.edit(
        "sources",
        next(i for i, s in enumerate(described.rows("sources"), start=2) if s["source_id"] == row["source_id"]),
        publisher="Example Daily",
        original_publisher="",
        published="2025-06-04",
        title="Wuzhen's economy",
        url="https://example.org/w",
    )
    changes = {"period_start": "2024-01-01", "period_end": "2024-12-31", "status": "actual", "qualifier": "eq"}
    changes |= {"period_text": "2024年", "period_basis": "stated", "attributed_to": "乌镇镇镇长"}
    written = "108.86億元"
    if "value_text" in row:
        changes["value_text"] = written
    described.edit("indicators", 2, **changes)
    label = {r["indicator"]: r["label"] for r in described.rows("indicator_definitions")}[row["indicator"]]
    place = {r["place_id"]: r["name"] for r in described.rows("places")}[row["place_id"]]
    unit = {r["unit"]: r["label"] for r in described.rows("units")}[row["unit"]]
    value = written if "value_text" in row else f"{row['value']} {unit}"
    assert invoke("cite", "--observation", row["observation_id"], "--package", str(described.root)) == (
        0,
        f"“{value}” ({label}, {place}, 2024-01-01 to 2024-12-31). Attributed by the source to 乌镇镇镇长. The period "
        "is the dataset's reading of “2024年”, in the quoted passage. Source: “Wuzhen's economy”, Example Daily, "
        f"2025-06-04, https://example.org/w. The source says: “{row['evidence']}”. Via Wang Fang; Li Lei, "
        f'Tongxiang "Digital Economy" {{Data}} 100% & more_, version 1.2.3, observation {row["observation_id"]}, '
        "https://doi.org/10.5281/zenodo.1234567.\n",
    )


def test_a_figure_is_cited_as_written_when_the_table_has_value_text(package: PackageCopy) -> None:
    """Where indicators has a `value_text` column, the citation quotes it instead of the bare number."""
    schema_path = package.root / "schemas" / "indicators.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    if "value_text" not in [f["name"] for f in schema["fields"]]:
        schema["fields"].append({"name": "value_text", "type": "string", "description": "As written."})
        write_json(schema_path, schema)
        with package.csv("indicators").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        with package.csv("indicators").open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows([[*rows[0], "value_text"]] + [[*r, ""] for r in rows[1:]])
    package.edit("indicators", 2, value_text="六千多家")
    out = invoke("cite", "--observation", first_observation(package)["observation_id"], "--package", str(package.root))
    assert out[1].startswith("“六千多家” (")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--observation", "nope"],
            "Error: no observation 'nope' in table indicators; list them with `show indicators`",
        ),
        (["--source", "nope"], "Error: no source 'nope' in table sources; list them with `show sources`"),
        (  # an id in another case names its row (trial 5 n8)
            ["--observation", "DUTAOBAO-2024-07-11-wuzhen-most-profitable-ancient-town-002"],
            "Error: no observation 'DUTAOBAO-2024-07-11-wuzhen-most-profitable-ancient-town-002' in table indicators; "
            "did you mean 'dutaobao-2024-07-11-wuzhen-most-profitable-ancient-town-002'? list them with `show "
            "indicators`",
        ),
        (  # a number no row of the source has suggests none of its rows: a guess between them would mislead
            ["--observation", "dutaobao-2024-07-11-wuzhen-most-profitable-ancient-town-009"],
            "Error: no observation 'dutaobao-2024-07-11-wuzhen-most-profitable-ancient-town-009' in table indicators; "
            "list them with `show indicators`",
        ),
        (  # a source's id given as an observation's says what it is (trial 10 m6), and the reverse too
            ["--observation", "hznews-2019-10-23-sixth-wic-closes-1500-guests"],
            "Error: no observation 'hznews-2019-10-23-sixth-wic-closes-1500-guests' in table indicators; it is the id "
            "of a source (table sources): `cite --source hznews-2019-10-23-sixth-wic-closes-1500-guests`",
        ),
        (
            ["--source", "hznews-2019-10-23-sixth-wic-closes-1500-guests-007"],
            "Error: no source 'hznews-2019-10-23-sixth-wic-closes-1500-guests-007' in table sources; it is the id of "
            "an observation (table indicators): `cite --observation "
            "hznews-2019-10-23-sixth-wic-closes-1500-guests-007`",
        ),
    ],
)
def test_cite_an_unknown_id(args: list[str], error: str) -> None:
    assert invoke("cite", *args) == (1, error + "\n")


def test_cite_source_and_observation_together_is_a_usage_error() -> None:
    code, out = invoke("cite", "--source", "a", "--observation", "b")
    assert code == 2
    assert out.splitlines()[-1] == "Error: give --source or --observation, not both"


def test_cite_names_the_installed_version() -> None:
    code, out = invoke("cite", "--format", "text")
    assert code == 0
    assert f"(Version {tde.version()}" in out


def source_and_figure(package: PackageCopy) -> tuple[str, str, dict[str, str]]:
    row = first_observation(package)
    source = next(s for s in package.rows("sources") if s["source_id"] == row["source_id"])
    return row["observation_id"], row["source_id"], source


@pytest.mark.parametrize("what", ["--source", "--observation"])
def test_a_source_and_a_figure_in_bibtex(described: PackageCopy, what: str) -> None:
    observation_id, source_id, source = source_and_figure(described)
    key = source_id if what == "--source" else observation_id
    code, out = invoke("cite", what, key, "--format", "bibtex", "--package", str(described.root))
    lines = out.splitlines()
    assert (code, lines[0], lines[-1]) == (0, "@misc{" + re.sub(r"[^A-Za-z0-9]", "_", key) + ",", "}")
    assert f"  url = {{{source['url']}}}," in lines
    assert f"  publisher = {{{citing.bibtex_escape(source['publisher'])}}}," in lines
    assert f"  year = {{{source['published'][:4]}}}," in lines
    assert "https://doi.org/10.5281/zenodo.1234567" in lines[-2]  # the dataset, in the note
    if what == "--observation":
        assert lines[1].startswith("  title = {{“")


@pytest.mark.parametrize("what", ["--source", "--observation"])
def test_a_source_and_a_figure_in_csl_and_cff(described: PackageCopy, what: str) -> None:
    observation_id, source_id, source = source_and_figure(described)
    key = source_id if what == "--source" else observation_id
    [item] = json.loads(invoke("cite", what, key, "--format", "csl", "--package", str(described.root))[1])
    assert (item["type"], item["URL"], item["publisher"]) == ("article-newspaper", source["url"], source["publisher"])
    cff = yaml.safe_load(invoke("cite", what, key, "--format", "cff", "--package", str(described.root))[1])
    [reference] = cff["references"]
    assert (cff["version"], reference["url"], reference["authors"]) == (
        "1.2.3",
        source["url"],
        [{"name": source["publisher"]}],
    )
    assert cff["preferred-citation"] == reference  # the source or figure is what the file cites


@pytest.mark.parametrize(
    ("what", "key", "word"),
    [
        ("--observation", "cctv-outputnews-2025-06-04-wuzhen-town-economy-001", "figure"),
        ("--source", "chinadaily-2024-05-28-dynamic-tongxiang", "source"),
    ],
)
def test_cff_cites_the_figure_or_source_as_bibtex_and_csl_do(what: str, key: str, word: str) -> None:
    """Trial 4 m1: `cite --observation ID --format cff` printed the dataset's CITATION.cff ("please cite the exact
    version you used"), the figure only as a reference at the end. The figure (or source) is the file's
    preferred-citation, with the title, publisher and date BibTeX and CSL give it, and the message says so."""
    code, out = invoke("cite", what, key, "--format", "cff")
    cff = yaml.safe_load(out)
    [item] = json.loads(invoke("cite", what, key, "--format", "csl")[1])
    cited = cff["preferred-citation"]
    assert code == 0 and not out.startswith("#")
    assert cff["message"] == f"If you use this {word}, please cite it as its preferred-citation below."
    assert (cited["title"], cited["authors"], str(cited["date-published"])) == (
        item["title"],
        [{"name": item["publisher"]}],
        "-".join(f"{n:02d}" for n in item["issued"]["date-parts"][0]),
    )
    assert cited["type"] == ("data" if word == "figure" else "newspaper-article")
    assert "please cite the exact version you used" not in out
    assert cff["type"] == "dataset"  # the rest describes the dataset version it comes from


def test_a_title_in_quotation_marks_is_not_quoted_twice() -> None:
    assert citing.quoted("“引擎”") == "“引擎”"
    assert citing.quoted("Digital economy") == "“Digital economy”"


@pytest.mark.parametrize(
    ("observation", "about"),
    [
        (
            "jxdaily-chinacomcn-2021-08-10-jiaxing-40-firms-zheshang-500-003",
            "(Operating revenue, Tongkun Group, 2020-01-01 to 2020-12-31)",
        ),
        (
            "cctv-outputnews-2025-06-04-wuzhen-town-economy-006",
            '(Computing power, "Light of Wuzhen" supercomputing center, 2025-06-04)',
        ),
        (
            "yu5-2025-11-wuzhen-summit-2025-opens-670-exhibitors-006",
            "(World Internet leading sci-tech achievements released, World Internet Conference, Third World Internet "
            "Conference, 2016-11-16 to 2016-11-18)",
        ),
    ],
)
def test_an_observations_citation_names_whose_figure_it_is(observation: str, about: str) -> None:
    """Trial 3 N5: the enterprise, project and edition are named, as a place always was."""
    from tongxiang_digital_economy.use.citations import observation_citation

    assert observation_citation(observation).split(". ")[0].endswith(about)


@pytest.mark.parametrize(
    ("observation", "fmt", "words"),
    [
        (
            "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-003",
            "text",
            "(Tourist visits received, Wuzhen, 2013-01-01 to 2013-12-31). "
            "Attributed by the source to 桐乡市委书记卢跃东. "
            "The period is the dataset's reading of “到现在为止每年”, in the quoted passage. Source:",
        ),
        (
            "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-003",
            "bibtex",
            "note = {Attributed by the source to 桐乡市委书记卢跃东. "
            "The period is the dataset's reading of “到现在为止每年”, ",
        ),
        (
            "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-003",
            "csl",
            '"note": "Attributed by the source to 桐乡市委书记卢跃东. The period',
        ),
    ],
)
def test_a_citation_says_whose_figure_and_which_words_date_it(observation: str, fmt: str, words: str) -> None:
    """Trial 5 P3: an official's interview claim is credited to the official, not only the outlet, and the period
    is shown as the dataset's reading of the source's words, in every format."""
    from tongxiang_digital_economy.use.citations import observation_citation

    assert words in observation_citation(observation, fmt=fmt)


def test_a_figure_dated_by_its_source_says_so_in_its_citation() -> None:
    """A figure no word of its text dates says it is dated by the source's own date (period_basis publication)."""
    from tongxiang_digital_economy.use.citations import observation_citation

    dated = tde.load("indicators")
    row = dated[(dated["period_basis"] == "publication") & dated["attributed_to"].isna()].iloc[0]
    text = observation_citation(row["observation_id"])
    assert ". No word of the source dates the figure: it is dated by the source's own date. Source:" in text


def test_an_editions_count_is_cited_by_the_words_naming_the_edition_and_the_day_it_stands_at() -> None:
    """Trial 6 Q4: an ordinal moved to its edition's first day was cited as "the dataset's reading of “10日 …
    今年”" (10日 is the closing day). The citation names the words that say which edition, and the day every count
    of that edition stands at, so no date word is credited with a day it does not give."""
    from tongxiang_digital_economy.use.citations import observation_citation

    text = observation_citation("xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-006")
    assert (
        "The figure counts up to the edition wic-2023, which the dataset reads from “2023年世界互联网大会乌镇峰会 … "
        "今年”, near the quoted passage, and dated, as every count of that edition is, at 2023-11-08 (the edition's "
        "first known day), not by the text's own date words. Source:"
    ) in text
    assert "10日" not in text.split(" Source:")[0]


@pytest.mark.parametrize("fmt", ["text", "bibtex"])
def test_a_disputed_figure_says_so_in_its_citation(fmt: str) -> None:
    """Trial 6 r3: the citation of China Daily's 5.1 billion yuan (2014) said nothing of the 40多億元 another source
    gives for the same year, which `series` marks as disputed; both sides' citations now name the other figure."""
    from tongxiang_digital_economy.use.citations import observation_citation

    see = "(`series digital_economy_core_industry_output_value --subject tongxiang` lists them)."
    preferred = observation_citation("chinadaily-2024-05-28-dynamic-tongxiang-003", fmt=fmt)
    if fmt == "bibtex":  # its note carries the same words, with BibTeX's escapes
        assert r"Disputed in the package: zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005 gives 40多億元" in (
            preferred
        )
        return
    assert (
        "Disputed in the package: zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005 gives 40多億元 for the same "
        f"period {see}"
    ) in preferred
    other = observation_citation("zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005", fmt=fmt)
    assert (
        "Disputed in the package: chinadaily-2024-05-28-dynamic-tongxiang-003 gives 5.1 billion yuan for the same "
        "period; this figure differs from the preferred chinadaily-2024-05-28-dynamic-tongxiang-003"
    ) in other
    assert "Disputed" not in observation_citation("chinadaily-2024-05-28-dynamic-tongxiang-002", fmt=fmt)


def test_a_quote_that_ends_a_sentence_gets_no_second_full_stop() -> None:
    """Trial 5 n5: `attendance.”.` read as a typo in every format."""
    from tongxiang_digital_economy.use.citations import observation_citation

    dated = tde.load("indicators")
    row = dated[dated["evidence"].str.endswith(".")].iloc[0]
    for fmt in ("text", "bibtex", "csl"):
        text = observation_citation(row["observation_id"], fmt=fmt)
        assert ".”." not in text and ".”" in text


REMARK = re.compile(r"title not|untitled|digest|from URL|\[.*\]| \(.*\)$")  # curator's words, never a title's


def test_no_shipped_title_is_a_curators_note() -> None:
    """Trial 3 N12: a title is the text's own (or empty); a remark about it is in `note`. Each emptied title's
    source says why in its note."""
    sources = tde.load("sources")
    titles = sources["title"].dropna()
    assert not [t for t in titles if REMARK.search(t)]
    untitled = sources[sources["title"].isna()]
    assert len(untitled) >= 4 and untitled["note"].str.contains("prints no title").all()
    catalogued = sources[sources["note"].str.contains("the title is the archive catalogue's", na=False)]
    assert len(catalogued) == 4 and catalogued["note"].str.contains("prints no title").all()


@pytest.mark.parametrize("fmt", ["text", "bibtex", "csl", "cff"])
def test_an_untitled_source_is_cited_as_untitled_never_by_its_note(fmt: str) -> None:
    source = "qjwb-huaqu-2022-11-02-light-of-wuzhen-silicon-cube"
    note = tde.load("sources").set_index("source_id").at[source, "note"]
    code, out = invoke("cite", "--source", source, "--format", fmt)
    assert code == 0 and "[untitled]" in out and "(digest:" not in out and note not in out
    if fmt == "text":
        assert out.startswith("huaqu.club (digest citing 钱江晚报 Qianjiang Evening News) (2022-11-02). [untitled]. ")
    figure = tde.load("indicators").query("source_id == @source")["observation_id"].iloc[0]
    code, out = invoke("cite", "--observation", figure, "--format", fmt)
    assert code == 0 and note not in out  # CSL and CFF name a figure's source by its publisher only
    assert "[untitled]" in out or fmt in ("csl", "cff")


def test_a_statistical_bulletin_is_a_report() -> None:
    """Trial 3 N12: the CSL and CFF item type is the source's `kind` (data), a report for the 2021 bulletin."""
    bulletin = "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021"
    assert tde.load("sources").set_index("source_id").at[bulletin, "kind"] == "report"
    [item] = json.loads(invoke("cite", "--source", bulletin, "--format", "csl")[1])
    assert (item["type"], item["title"]) == ("report", "2021年桐乡市国民经济和社会发展统计公报")
    [reference] = yaml.safe_load(invoke("cite", "--source", bulletin, "--format", "cff")[1])["references"]
    assert reference["type"] == "report"
    article = "chinadaily-2024-05-28-dynamic-tongxiang"
    [item] = json.loads(invoke("cite", "--source", article, "--format", "csl")[1])
    assert (item["type"], item["container-title"]) == ("article-newspaper", "China Daily (zhejiang.chinadaily.com.cn)")


KINDS = {
    "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021": ("report", "report"),
    "wikipedia-matr1x-2023-tongxiang-city-article": ("entry-encyclopedia", "encyclopedia"),
    "baike-weilinceramic-2018-fifth-wic-entry": ("entry-encyclopedia", "encyclopedia"),
    "ft-2021-10-25-huayou-cobalt-tearsheet": ("webpage", "website"),
    "huayou-2016-12-08-annual-conference-500-guests": ("webpage", "website"),
    "chinadaily-2024-05-28-dynamic-tongxiang": ("article-newspaper", "newspaper-article"),
}


@pytest.mark.parametrize("source", list(KINDS))
def test_each_kind_of_source_is_cited_as_its_kind_in_every_format(source: str) -> None:
    """Review 3 F10: an encyclopedia entry, a market-data page and a company page were cited as newspaper
    articles (the mirror as the newspaper). CSL takes `kind` as the item type (the publisher the container, save
    for a report), CFF its own word for it, BibTeX @misc for every kind."""
    csl_type, cff_type = KINDS[source]
    row = tde.load("sources").set_index("source_id").loc[source]
    assert (row["kind"] if isinstance(row["kind"], str) else "article-newspaper") == csl_type
    [item] = json.loads(invoke("cite", "--source", source, "--format", "csl")[1])
    assert item["type"] == csl_type
    assert item.get("container-title") == (None if csl_type == "report" else row["publisher"])
    [reference] = yaml.safe_load(invoke("cite", "--source", source, "--format", "cff")[1])["references"]
    assert reference["type"] == cff_type
    code, bibtex = invoke("cite", "--source", source, "--format", "bibtex")
    assert code == 0 and bibtex.startswith("@misc{")


def test_every_kind_the_schema_allows_has_a_cff_type() -> None:
    """A kind added to the schema without a CFF type would make `cite --format cff` fail for its sources."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir

    # the installed package's own schema: the wheel's test run has no checkout beside the tests
    schema = json.loads((bundled_package_dir() / "schemas" / "sources.schema.json").read_text("utf-8"))
    kind = next(f for f in schema["fields"] if f["name"] == "kind")
    assert set(kind["constraints"]["enum"]) == set(citing.CFF_TYPES)


@pytest.mark.parametrize(
    ("observation", "said"),
    [
        (
            "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-002",
            "No word of the source dates the figure: it is dated by its original's date, no later than 2014-11-18 "
            "(the original's date as far as the page states it), not by the repost's date, 2020-04-29.",
        ),
        (
            "investtx-2024-04-16-56-major-projects-47-4bn-005",
            "No word of the source dates the figure: it is dated by its original's date, 2024-04-02 (as the page "
            "states it), not by the repost's date, 2024-04-16.",
        ),
    ],
)
def test_a_figure_dated_by_a_reposts_original_says_so_in_every_format(observation: str, said: str) -> None:
    """Trial 8 U1: a figure dated by the original's date of a repost was cited as "dated by the source's own
    date" beside the repost's date. Every format says whose date it is; the text names the repost's date as such."""
    from tongxiang_digital_economy.use.citations import observation_citation

    for fmt in ("text", "bibtex", "csl", "cff"):
        text = observation_citation(observation, fmt=fmt)
        assert said in text, fmt
        assert "the source's own date" not in text, fmt
    text = observation_citation(observation)
    source = {"gxcasting": "2020-04-29 (the repost's date; its original's: no later than 2014-11-18)"}
    source["investtx"] = "2024-04-16 (the repost's date; its original's: 2024-04-02)"
    assert f", {source[observation.split('-')[0]]}, http" in text


def test_a_reposts_figure_dated_by_its_words_names_the_reposts_date_in_every_format() -> None:
    """Trial 8 U1: 目前 read as 2014-11-18 beside the page's 2020-04-29 read as an error: the date is the repost's."""
    from tongxiang_digital_economy.use.citations import observation_citation

    observation = "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-008"
    assert "2020-04-29 (the repost's date; its original's: no later than 2014-11-18), http" in observation_citation(
        observation
    )
    for fmt in ("bibtex", "csl", "cff"):
        assert (
            "The entry's date, 2020-04-29, is the repost's; its original's: no later than 2014-11-18."
            in observation_citation(observation, fmt=fmt)
        ), fmt


def test_a_restated_figures_citation_says_which_figure_it_restates_and_an_unreleased_one_its_fingerprint() -> None:
    """trial 9 m5, m11: the 2021-09-24 repeat of 2443 enterprises says again the 2021-09-15 figure; a version not
    yet released is named by its data fingerprint in the plain text as in BibTeX and CSL."""
    from tongxiang_digital_economy.use.citations import citation, observation_citation

    c = citation()
    assert not c["released"]
    text = observation_citation("zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-005")
    assert (
        " Restated in the package: this figure says again peoplecn-zj-2021-09-15-digital-economy-landmark-industry-002 "
        "(2443家), no new observation. Source: "
    ) in text
    assert text.endswith(
        f"observation zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-005, data fingerprint {c['fingerprint']}."
    )
    # The figure it restates is no restatement and says nothing of the kind.
    first = observation_citation("peoplecn-zj-2021-09-15-digital-economy-landmark-industry-002")
    assert "Restated in the package" not in first


def test_a_repost_is_cited_with_its_originals_publisher_and_date_beside_each_other() -> None:
    """Trial 16 m1: `cite --source` of a mirror of a Xinhua report of the 2023 summit gave the mirror's page stamp
    (2024-11-27) and "First published by 新华社." without its date, and BibTeX and CSL nothing of 2023; `--observation`
    wrote "first published by 新华社, 2024-11-27 (the repost's date; …)", the page's date after Xinhua's name. The
    original's date stands beside its publisher in every format (CSL `original-date`, biblatex `origdate`)."""
    repost = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international"
    page = "javascriptjump.com (mirror of 新华社 Xinhua wire, editors as on 人民网; page stamp 2024-11-27)"
    assert citing.source_citation(repost, fmt="text") == (
        f"{page} (2024-11-27). 2023年世界互联网大会乌镇峰会凸显国际化元素. First published by 新华社, 2023-11-10. "
        "http://javascriptjump.com/?CvVn=LjnB.html"
    )
    bibtex = citing.source_citation(repost, fmt="bibtex")
    assert "  date = {2024-11-27},\n  origdate = {2023-11-10},\n" in bibtex
    assert "note = {First published by 新华社, 2023-11-10. Via " in bibtex
    (csl,) = json.loads(citing.source_citation(repost, fmt="csl"))
    assert (csl["issued"], csl["original-date"]) == ({"date-parts": [[2024, 11, 27]]}, {"date-parts": [[2023, 11, 10]]})
    cff = yaml.safe_load(citing.source_citation(repost, fmt="cff"))["preferred-citation"]
    assert (cff["date-published"], cff["notes"]) == ("2024-11-27", "First published by 新华社, 2023-11-10.")
    said = citing.observation_citation(f"{repost}-003")
    title = "“2023年世界互联网大会乌镇峰会凸显国际化元素”"
    assert f"Source: {title}, {page}, 2024-11-27, first published by 新华社, 2023-11-10, http" in said
    # An original named without a date, or dated without a name, is said as far as it is known.
    assert (
        citing.source_citation("xinhua-yybnet-2020-11-23-wic-internet-development-forum").count(
            "First published by 新华社. https"
        )
        == 1
    )
    assert "First published no later than 2014-11-18. http" in citing.source_citation(
        "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen"
    )


def test_a_figure_of_a_copy_whose_cells_do_not_load_is_not_cited(package: PackageCopy) -> None:
    """Trial 16 m10: `cite --observation` read the rows as text and cited a month 13 ("2024-13-01 to 2024-12-31")
    with exit 0, where show, series, plot, search and load refuse the copy. It refuses it with the same error."""
    observation = package.rows("indicators")[0]["observation_id"]
    package.edit("indicators", 2, period_start="2024-13-01")
    result = runner.invoke(cli, ["cite", "--observation", observation, "--package", str(package.root)])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        1,
        "Error: indicators row 2, field period_start: '2024-13-01' is not a valid date (YYYY-MM-DD, a day on the "
        "calendar) [type-error]",
    )
