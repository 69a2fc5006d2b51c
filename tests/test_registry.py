"""The citation registry: lookup, user extension, and a byte-for-byte rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.resolve import registry as reg

SHARED = reg.DEFAULT_CORPUS


def test_shipped_registry_lookups() -> None:
    r = reg.load_registry()
    assert len(r) > 3000
    assert r.get("GA", "resolution", "48/141").date == "1993-12-20"
    assert r.get("General Assembly", "resolution", "60/251").date == "2006-03-15"
    assert r.get("SC", "resolution", "1325 (2000)").date_text == "31 October 2000"
    assert r.get("HRC", "decision", "1/105").date == "2006-06-30"
    assert r.get("CHR", "resolution", "2004/81").date == "2004-04-21"
    assert r.get("SUB", "resolution", "1991/35").date == "1991-08-29"
    assert r.get("ECOSOC", "decision", "1987/147").date == "1987-05-29"
    assert r.get("GA", "resolution", "217 A (III)").date == "1948-12-10"
    # lettered parts: plain -> single lettered only when not exact
    assert r.get("GA", "resolution", "68/247").number == "68/247 A"
    assert r.get("GA", "resolution", "68/247", exact=True) is None
    assert r.get("GA", "resolution", "47/999") is None


def test_lookup_for_hover() -> None:
    assert reg.lookup("5/1", body="Human Rights Council").date == "2007-06-18"


def test_symbol_round_trip() -> None:
    for body, kind, number in [("GA", "resolution", "78/1"), ("SC", "resolution", "242 (1967)"),
                               ("HRC", "decision", "17/119"), ("SUB", "resolution", "1991/35"),
                               ("ECOSOC", "resolution", "574 A (XIX)")]:
        assert reg.parse_symbol(reg.make_symbol(body, kind, number)) == (body, kind, number)


def test_user_registry_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("symbol,date\nA/RES/47/999,1992-12-20\nA/RES/48/141,1993-12-21\n", encoding="utf-8")
    r = reg.load_registry([extra])
    assert r.get("GA", "resolution", "47/999").date == "1992-12-20"
    assert r.get("GA", "resolution", "48/141").date == "1993-12-21"
    assert reg.load_registry([extra]) is r   # cached per process
    assert reg.load_registry().get("GA", "resolution", "48/141").date == "1993-12-20"


def test_missing_user_registry_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        reg.load_registry([tmp_path / "nope.csv"])


def test_drafting_table_parsed() -> None:
    md = (
        "### 5.4 Registry\n\n**General Assembly**\n\n| Number | Date | Short title / context | Source |\n|---|---|---|---|\n"
        "| 69/96 A–B | 5 Dec 2014 | Questions relating to information | AKN4UN-GA |\n\n"
        "**Commission on Human Rights** (and Sub-Commission)\n\n| Number | Date | Source |\n|---|---|---|\n"
        "| 1987/37, 1987/38 | 10 Mar 1987 | X |\n| Sub-Commission 1991/35 | 29 Aug 1991 | Y |\n\n"
        "**Security Council**\n\n| Number | Date | Meeting | Source |\n|---|---|---|---|\n| 2223 (2015) | 28 May 2015 | 7451st | Z |\n\n## 6. Next\n")
    rows = {(e.body, e.number): e for e in reg.entries_from_drafting(md)}
    assert set(rows) == {("GA", "69/96 A"), ("GA", "69/96 B"), ("CHR", "1987/37"), ("CHR", "1987/38"),
                         ("SUB", "1991/35"), ("SC", "2223 (2015)")}
    assert rows[("SC", "2223 (2015)")].title == ""   # "Meeting" is not a title
    assert rows[("GA", "69/96 A")].date == "2014-12-05"


def test_header_of_adopted_texts() -> None:
    ga = ("United Nations\nA/RES/78/1\n\nResolution adopted by the General Assembly\non 29 September 2023\n\n"
          "78/1. Political declaration of the\nhigh-level forum\n\nThe General Assembly\n")
    (e,) = reg.entries_from_text(ga, "x.txt")
    assert (e.symbol, e.date, e.title) == ("A/RES/78/1", "2023-09-29", "Political declaration of the high-level forum")
    for sc in ("Resolution 892 (1993) of 22 December 1993\n\nThe Security Council,\n",
               "101 (1953). Resolution of 24 November 1953\n",
               "Resolution 1445 (2002)\n\nAdopted by the Security Council at its 4653rd meeting,\non 4 December 2002\n"):
        (e,) = reg.entries_from_text(sc, "s.txt")
        assert e.body == "SC" and e.date[:4] == e.number[-5:-1]


@pytest.mark.skipif(not SHARED.is_dir() or not reg.DEFAULT_DRAFTING.is_file(), reason="../shared is absent")
def test_rebuild_is_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "registry.csv"
    rows = reg.build_registry(out_path=out)
    assert out.read_bytes() == reg.DATA_PATH.read_bytes()
    assert rows == len(reg.DATA_PATH.read_text(encoding="utf-8").splitlines()) - 1
    assert b"\r" not in out.read_bytes()


@pytest.mark.skipif(not SHARED.is_dir() or not reg.DEFAULT_DRAFTING.is_file(), reason="../shared is absent")
def test_shipped_registry_covers_the_corpus_and_the_verified_table() -> None:
    """Every adopted text whose header gives its number and date, and every row of
    un-drafting.md §5.4, is in the shipped registry with that date."""
    shipped = {(e.body, e.number): e.date for e in reg.read_csv(reg.DATA_PATH)}
    texts = sorted((SHARED / "resolutions").glob("*.txt"))
    assert len(texts) > 200
    read = [reg.entries_from_text(p.read_text(encoding="utf-8", errors="replace"), p.name) for p in texts]
    # A few OCR texts have no readable date in their header ("of 14 October £964").
    assert sum(1 for entries in read if entries) >= 0.97 * len(texts)
    wanted = [e for entries in read for e in entries]
    wanted += reg.entries_from_drafting(reg.DEFAULT_DRAFTING.read_text(encoding="utf-8"))
    missing = [(e.body, e.number, e.date) for e in wanted if shipped.get((e.body, e.number)) != e.date]
    assert missing == []
