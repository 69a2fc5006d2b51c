"""The Word (.docx) reader: text layout, formatting, numbering, footnotes,
comments, and refusal of hostile or broken files.

Documents are built in code with scripts/make_docx.py, so every expected
value below follows from the XML we wrote, not from the reader's output.
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checker.errors import SourceError
from checker.sources import from_bytes
from checker.sources.docx import FOOTNOTE_RULE, format_number, read_docx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

_spec = importlib.util.spec_from_file_location("reslint_make_docx", ROOT / "scripts" / "make_docx.py")
mk = importlib.util.module_from_spec(_spec)
sys.modules["reslint_make_docx"] = mk
_spec.loader.exec_module(mk)  # type: ignore[union-attr]

P, R = mk.paragraph, mk.run


def read(body, **parts):
    return read_docx(mk.build_package(body, **parts), "t.docx")


def spans(src, which="italics"):
    return [src.text[a:b] for a, b in getattr(src, which)]


# ----------------------------------------------------------------------------
# text and formatting


def test_one_paragraph_per_line_with_italics_and_bold():
    src = read([
        P(R("The Human Rights Council", italic=True), R(",")),
        P(),
        P(R("Recalling", italic=True), R(" its resolution 5/1 "), R("of", bold=True), R(" 18 June 2007,")),
    ])
    assert src.format == "docx"
    assert src.text == "The Human Rights Council,\n\nRecalling its resolution 5/1 of 18 June 2007,"
    assert spans(src) == ["The Human Rights Council", "Recalling"]
    assert spans(src, "bold") == ["of"]
    # paragraph 3 is line 3: the empty paragraph is kept as an empty line
    assert src.text.split("\n")[2].startswith("Recalling")


def test_style_inherited_italics_and_explicit_off():
    src = read([
        P(R("Emphasised", style="Emphasis"), R(" plain")),
        P(R("quoted"), style="Quote2"),  # Quote2 is based on the italic Quote style
        P(R("not italic"), style="Quote").replace("<w:r>", '<w:r><w:rPr><w:i w:val="0"/></w:rPr>', 1),
    ])
    assert spans(src) == ["Emphasised", "quoted"]


def test_tabs_breaks_runs_and_tables():
    src = read([
        P(R("a\tb"), '<w:r><w:br/></w:r>', R("c")),
        mk.table([[[P(R("cell 1"))], [P(R("cell 2a")), P(R("cell 2b"))]], [[P(R("cell 3"))], []]]),
        P(R("after")),
        '<w:p><w:r><w:t>kept</w:t></w:r><w:del w:id="9" w:author="x"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>',
    ])
    assert src.text.split("\n") == ["a\tb c", "cell 1", "cell 2a", "cell 2b", "cell 3", "", "after", "kept"]


# ----------------------------------------------------------------------------
# automatic numbering


def test_numbering_labels_restart_and_sublevels():
    body = [
        P(R("Welcomes"), num=(1, 0)),
        P(R("Requests"), num=(1, 0)),
        P(R("first"), num=(1, 1)),
        P(R("deeper"), num=(1, 2)),
        P(R("deeper again"), num=(1, 2)),
        P(R("second"), num=(1, 1)),
        P(R("unnumbered")),
        P(R("Decides"), num=(1, 0)),
        P(R("restarted sub"), num=(1, 1)),
        P(R("new list"), num=(2, 0)),  # same abstractNum, startOverride 1: restarts
        P(R("continues new list"), num=(2, 0)),
        P(R("by style")),
    ]
    body[-1] = P(R("by style"), style="ListNumber")  # numId 1 through the paragraph style
    src = read(body, numbering=mk.numbering_xml(nums={1: (0, {}), 2: (0, {0: 1})}))
    assert src.text.split("\n") == [
        "1. Welcomes", "2. Requests", "(a) first", "(i) deeper", "(ii) deeper again", "(b) second",
        "unnumbered", "3. Decides", "(a) restarted sub", "1. new list", "2. continues new list", "3. by style",
    ]


def test_numbering_formats_and_start_values():
    abstracts = {0: [("upperRoman", "%1.", 4), ("upperLetter", "%2)", 1)], 1: [("decimal", "(%1)", 10)]}
    src = read([
        P(R("a"), num=(1, 0)), P(R("b"), num=(1, 1)), P(R("c"), num=(1, 0)), P(R("d"), num=(2, 0)),
        P(R("none"), num=(0, 0)), P(R("missing definition"), num=(7, 0)),
    ], numbering=mk.numbering_xml(nums={1: (0, {}), 2: (1, {})}, abstracts=abstracts))
    assert src.text.split("\n") == ["IV. a", "A) b", "V. c", "(10) d", "none", "missing definition"]


@pytest.mark.parametrize("n, fmt, out", [
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"),
    (4, "lowerRoman", "iv"), (1994, "upperRoman", "MCMXCIV"), (7, "decimal", "7"), (3, "decimalZero", "03"),
])
def test_format_number(n, fmt, out):
    assert format_number(n, fmt) == out


# ----------------------------------------------------------------------------
# footnotes


FOOTNOTES = mk.footnotes_xml({5: "A/CONF.157/24 (Part I), chap. III.", 2: "See *Official Records*, A/HRC/56/38.",
                              9: ("*", "State not a member of the Human Rights Council.")})


def test_footnotes_render_as_superscripts_and_a_block_after_a_rule():
    src = read([
        P(R("Armenia,"), mk.footnote_ref(9, custom_mark="*"), R(" Costa Rica, Fiji,* and Ghana: draft resolution")),
        P(R("Reaffirming", italic=True), R(" the Vienna Declaration,"), mk.footnote_ref(5)),
        P(R("Taking note"), R(" of the report,"), mk.footnote_ref(2), R(" and again,"), mk.footnote_ref(5)),
    ], footnotes=FOOTNOTES)
    lines = src.text.split("\n")
    assert lines == [
        "Armenia,* Costa Rica, Fiji,* and Ghana: draft resolution",
        "Reaffirming the Vienna Declaration,¹",  # id 5 is referenced first: number 1
        "Taking note of the report,² and again,¹",
        FOOTNOTE_RULE,
        "* State not a member of the Human Rights Council.",
        "1 A/CONF.157/24 (Part I), chap. III.",
        "2 See Official Records, A/HRC/56/38.",
    ]
    assert "Official Records" in spans(src)


# ----------------------------------------------------------------------------
# comments -> suppression directives


def test_reslint_comment_becomes_directive_on_previous_line():
    src = read([
        P(R("The General Assembly,")),
        P(mk.comment_anchor(0, R("Decides to remain seized of the matter."))),
        P(mk.comment_anchor(1, R("Other text."))),
    ], comments=mk.comments_xml({0: "reslint: ignore CON001, TRM002", 1: "Please check this."}))
    lines = src.text.split("\n")
    assert len(lines) == 3  # no line added: paragraph number stays line number
    assert lines[0] == "The General Assembly, <!-- reslint: ignore CON001 TRM002 -->"
    assert lines[1] == "Decides to remain seized of the matter."  # columns of the paragraph unchanged
    assert lines[2] == "Other text."
    assert len(src.comments) == 1
    start, end, text = src.comments[0]
    assert src.text[start:end] == "Decides to remain seized of the matter."
    assert text == "reslint: ignore CON001, TRM002"


def test_reslint_comment_on_first_paragraph_and_ignore_file():
    src = read([
        P(mk.comment_anchor(0, R("Alpha,"))),
        P(R("Beta", italic=True)),
    ], comments=mk.comments_xml({0: "reslint: ignore-file"}))
    assert src.text.split("\n") == ["<!-- reslint: ignore-file --> Alpha,", "Beta"]
    start, end, _ = src.comments[0]
    assert src.text[start:end] == "Alpha,"
    assert spans(src) == ["Beta"]  # italics shifted past the inserted directive


def _lint_json(*paths: Path) -> dict[str, list[tuple[str, str]]]:
    """``reslint check --format json`` on ``paths`` (one process): path -> sorted (rule, address),
    italics findings left out (the Word reader knows italics the text reader may not)."""
    proc = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--format", "json", "--no-cache",
                           "--exit-zero", *map(str, paths)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = {}
    for file in json.loads(proc.stdout)["files"]:
        assert file["error"] is None, file
        out[file["path"]] = sorted((f["rule"], f.get("address") or "") for f in file["findings"]
                                   if "italic" not in f.get("message", "").lower())
    return out


# Word cannot hold a footnote that nothing references: such planted defects do not survive conversion.
NOT_EXPRESSIBLE_IN_WORD = {"CIT002"}
COMPARED = ["hrc-draft.md", "defects/hrc-field-presences.md", "clean/hrc-decision-style-single-op.md"]
COMMENTED = "defects/hrc-field-presences.md"


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    """Every compared sample and its .docx, plus a .docx carrying a Word suppression comment,
    linted in one ``reslint check`` run."""
    pytest.importorskip("checker.pipeline")
    tmp = tmp_path_factory.mktemp("docx")
    paths: dict[str, tuple[Path, Path]] = {}
    for name in COMPARED:
        md = SAMPLES / name
        if not md.exists():
            continue
        if name == "hrc-draft.md" and (SAMPLES / "hrc-draft.docx").exists():
            docx_path = SAMPLES / "hrc-draft.docx"
        else:
            docx_path = tmp / (md.stem + ".docx")
            docx_path.write_bytes(mk.markdown_to_docx(md.read_text(encoding="utf-8-sig")))
        paths[name] = (md, docx_path)
    if not paths:
        pytest.skip("no samples present")
    first = _lint_json(*[p for pair in paths.values() for p in pair])
    return paths, first, tmp


@pytest.mark.parametrize("name", COMPARED)
def test_docx_findings_equal_text_findings(name, linted):
    paths, results, _ = linted
    if name not in paths:
        pytest.skip(f"samples/{name} not present")
    md, docx_path = paths[name]
    from_text = [f for f in results[str(md)] if f[0] not in NOT_EXPRESSIBLE_IN_WORD]
    from_word = [f for f in results[str(docx_path)] if f[0] not in NOT_EXPRESSIBLE_IN_WORD]
    assert from_word == from_text


def test_word_comment_suppresses_a_finding_end_to_end(linted):
    paths, results, tmp = linted
    if COMMENTED not in paths:
        pytest.skip("sample not present")
    md, plain = paths[COMMENTED]
    before = results[str(plain)]
    con = [f for f in before if f[0] == "CON001" and f[1].startswith("OP")]
    if not con:
        pytest.skip("the sample no longer has a CON001 finding on an operative paragraph")
    address = con[0][1]
    lines = md.read_text(encoding="utf-8-sig").splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith(f"{address[2:]}. "))
    lines.insert(k, "<!-- reslint: ignore CON001 -->")
    commented = tmp / "commented.docx"
    commented.write_bytes(mk.markdown_to_docx("\n".join(lines)))
    assert "reslint: ignore CON001" in read_docx(commented.read_bytes(), "c.docx").text
    after = _lint_json(commented)[str(commented)]
    assert ("CON001", address) not in after
    assert not [f for f in after if f[0] == "SUP001"]
    assert sorted(set(before) - {("CON001", address)}) == sorted(set(after))


# ----------------------------------------------------------------------------
# refusals


def _one_line(exc: SourceError) -> str:
    message = str(exc)
    assert "\n" not in message
    assert message.startswith("t.docx: error: ")
    return message


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=mk.FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


@pytest.fixture
def no_python_docx(monkeypatch):
    """Fail loudly if python-docx is reached: the zip checks must come first."""
    import docx

    def boom(*a, **k):
        raise AssertionError("python-docx was called on a refused file")

    monkeypatch.setattr(docx, "Document", boom)


def test_zip_bomb_document_refused_before_python_docx(no_python_docx):
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (51 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(SourceError) as err:
        read_docx(bomb, "t.docx")
    assert "zip bomb" in _one_line(err.value)


def test_highly_compressed_member_refused(no_python_docx):
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/media/image1.bin": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(SourceError) as err:
        read_docx(bomb, "t.docx")
    assert "expands" in _one_line(err.value)


def test_too_many_members_refused(no_python_docx):
    many = _zip({f"word/m{i}.xml": b"x" for i in range(2000)})
    with pytest.raises(SourceError) as err:
        read_docx(many, "t.docx")
    assert "zip members" in _one_line(err.value)


@pytest.mark.parametrize("data", [
    b"hello, this is not a zip",
    b"PK\x03\x04" + b"\x00" * 40,
    mk.build_package([P(R("text"))])[:700],  # truncated
])
def test_corrupt_or_non_zip_refused(data):
    with pytest.raises(SourceError) as err:
        read_docx(data, "t.docx")
    assert "not a valid .docx (zip) file" in _one_line(err.value)


@pytest.mark.parametrize("members", [
    {"readme.txt": b"just a zip"},
    {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"},  # broken XML, broken package
    {"[Content_Types].xml": b"<not xml", "word/document.xml": b"<x/>"},
])
def test_zip_that_is_not_word_refused(members):
    with pytest.raises(SourceError) as err:
        read_docx(_zip(members), "t.docx")
    _one_line(err.value)


def test_broken_document_xml_in_valid_package():
    good = mk.build_package([P(R("text"))])
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["word/document.xml"] = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'
    with pytest.raises(SourceError) as err:
        read_docx(_zip(members), "t.docx")
    _one_line(err.value)


def test_entities_not_expanded():
    good = mk.build_package([P(R("text"))])
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["word/footnotes.xml"] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                                     b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')
    try:
        src = read_docx(_zip(members), "t.docx")
    except SourceError as exc:
        _one_line(exc)
    else:
        assert "aaaa" not in src.text


@pytest.mark.parametrize("data", [b"", mk.build_package([P(), P(R("  "))])])
def test_empty_document(data):
    with pytest.raises(SourceError) as err:
        from_bytes(data, "t.docx")
    assert _one_line(err.value).endswith("file is empty")


def test_from_bytes_dispatches_docx():
    src = from_bytes(mk.build_package([P(R("Hello"))]), "x/draft.docx")
    assert src.text == "Hello" and src.format == "docx" and src.path == "x/draft.docx"


# ----------------------------------------------------------------------------
# the generated sample


def test_generator_is_deterministic():
    text = "*The Human Rights Council*,\n\n1. *Decides* to act;[^1]\n\n[^1]: A/1.\n"
    assert mk.markdown_to_docx(text) == mk.markdown_to_docx(text)


def test_markdown_sample_converts_with_real_numbering_and_footnotes():
    text = ("Armenia,* Fiji* and Ghana: draft resolution\n\n*The Human Rights Council*,\n\n"
            "*Recalling* its resolution 5/1,[^1]\n\n1. *Requests* through:\n\n   (a) The one;\n\n   (b) The other;\n\n"
            "2. *Decides* to act.\n\n4. Typed number kept.\n\n[^1]: A/HRC/5/1.\n\n* State not a member.\n")
    data = mk.markdown_to_docx(text)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        document = zf.read("word/document.xml").decode()
        assert "word/numbering.xml" in zf.namelist() and "word/footnotes.xml" in zf.namelist()
    assert document.count("<w:numPr>") == 4  # 1., (a), (b), 2. - "4." is not what Word would number
    assert "1. " not in document and "(a) " not in document
    src = read_docx(data, "t.docx")
    assert src.text.split("\n") == [
        "Armenia,* Fiji* and Ghana: draft resolution", "The Human Rights Council,", "Recalling its resolution 5/1,¹",
        "1. Requests through:", "(a) The one;", "(b) The other;", "2. Decides to act.", "4. Typed number kept.",
        FOOTNOTE_RULE, "* State not a member.", "1 A/HRC/5/1.",
    ]
    assert spans(src) == ["The Human Rights Council", "Recalling", "Requests", "Decides"]


def test_committed_sample_is_up_to_date():
    md, docx_path = SAMPLES / "hrc-draft.md", SAMPLES / "hrc-draft.docx"
    if not (md.exists() and docx_path.exists()):
        pytest.skip("samples/hrc-draft.md or .docx not present")
    assert docx_path.read_bytes() == mk.markdown_to_docx(md.read_text(encoding="utf-8-sig"), title=md.stem)
