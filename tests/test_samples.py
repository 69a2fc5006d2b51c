"""The project's own samples (samples/): they parse as written, the clean ones
raise no error or warning, and the rule pack finds the planted defects of
samples/defects/ (recall) without firing on the correct "trap" clauses.

Expected kinds and paragraph counts below were written by reading the sample
texts, not copied from the parser's output.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

_spec = importlib.util.spec_from_file_location("reslint_recall", ROOT / "scripts" / "recall.py")
recall = importlib.util.module_from_spec(_spec)
sys.modules["reslint_recall"] = recall  # dataclasses look the module up
_spec.loader.exec_module(recall)  # type: ignore[union-attr]

HRC = "Human Rights Council"
GA = "General Assembly"
ECOSOC = "Economic and Social Council"

# path, kind, body, preambular paragraphs, operative paragraphs, known parser gap (xfail reason)
EXPECTED = [
    ("hrc-draft.md", "draft-resolution", HRC, 7, 6, None),
    ("ga-draft-paragraph-per-line.txt", "draft-resolution", GA, 6, 7, None),
    ("ga-resolution-wrapped.txt", "resolution", GA, 6, 5, None),
    ("hrc-double-spaced.txt", "resolution", HRC, 5, 5, None),
    ("clean/hrc-draft-advisory-services.txt", "draft-resolution", HRC, 6, 6, None),
    ("clean/ga-resolution-national-institutions.txt", "resolution", GA, 4, 4, None),
    ("clean/hrc-decision-style-single-op.md", "draft-resolution", HRC, 2, 1, None),
    ("defects/hrc-field-presences.md", "draft-resolution", HRC, 7, 7, None),
    ("defects/ga-c3-right-to-development.txt", "draft-resolution", GA, 10, 9, None),
    ("defects/ga-resolution-wrapped-defects.txt", "resolution", GA, 8, 5, None),
    ("defects/hrc-no-authoring-line.txt", "draft-resolution", HRC, 3, 4, None),
    ("defects/hrc-double-spaced-single-op.txt", "resolution", HRC, 4, 1, None),
    # held-out drafts (scripts/holdout.py), written without looking at the rules
    ("holdout/hrc-justice-ta.md", "draft-resolution", HRC, 12, 16, None),
    ("holdout/ga-c3-older-persons.txt", "draft-resolution", GA, 11, 18, None),
    ("holdout/ga-plenary-rule-of-law-pdf.txt", "draft-resolution", GA, 10, 15, None),
    ("holdout/ecosoc-statistics.txt", "draft-resolution", "Economic and Social Council", 9, 11, None),
    # second held-out set (scripts/holdout.py --manifest samples/holdout2/MANIFEST.yaml)
    ("holdout2/hrc61-birth-registration-word.txt", "draft-resolution", HRC, 11, 14, None),
    ("holdout2/ga81-c2-disaster-composite.md", "draft-resolution", GA, 11, 15, None),  # parts A 6+8, B 4+6, C 1+1
    ("holdout2/ecosoc-2026-12-censuses-adopted.txt", "resolution", "Economic and Social Council", 13, 13, None),
    ("holdout2/hrc62-draft-decision-dialogue.txt", "draft-decision", HRC, 7, 9, None),  # (a)-(j) but (d)
    ("holdout2/chr61-advisory-services-pdf-double-spaced.txt", "draft-resolution", "Commission on Human Rights",
     11, 13, None),  # with "OP7 bis"
    # third held-out set (scripts/holdout.py --manifest samples/holdout3/MANIFEST.yaml)
    ("holdout3/sc-2812-2026-adopted.txt", "resolution", "Security Council", 12, 11, None),  # 7 is missing
    ("holdout3/ga-81-123-adopted-c3.txt", "resolution", GA, 13, 14, None),
    ("holdout3/hrc-62-5-adopted.md", "resolution", HRC, 11, 14, None),
    ("holdout3/amendment-a-c3-81-l52.txt", "amendment", GA, 0, 9, None),  # nine instructions
    ("holdout3/ga-81-c3-long-draft-cultural-property.txt", "draft-resolution", GA, 13, 40, None),
    # fourth held-out set (scripts/holdout.py --manifest samples/holdout4/MANIFEST.yaml)
    ("holdout4/hrc-rev1-justice-sector.md", "draft-resolution", HRC, 11, 23, None),
    ("holdout4/ecosoc-draft-decision-ngo.txt", "draft-decision", "Economic and Social Council", 2, 1, None),
    ("holdout4/csw-draft-women-justice.txt", "draft-resolution", "Commission on the Status of Women", 6, 10, None),
    ("holdout4/ga-annex-principles.txt", "draft-resolution", GA, 7, 8, None),
    ("holdout4/word-paste-c3-detention.txt", "draft-resolution", GA, 8, 10, None),
    # fifth held-out set (scripts/holdout.py --manifest samples/holdout5/MANIFEST.yaml); counted by
    # reading: "Notes with appreciation" (ECOSOC), "Underlines" and "PP16bis" (SC) are preambular
    # paragraphs with defects; SC repeats "11."; the Word paste numbers 1-7, 9-16.
    ("holdout5/sc-draft-haiti-binuh.txt", "draft-resolution", "Security Council", 18, 15, None),
    ("holdout5/hrc-61-14-adopted-displacement.md", "resolution", HRC, 13, 13, None),
    ("holdout5/ga-c2-80-draft-sids-housing.txt", "draft-resolution", GA, 11, 11, None),
    ("holdout5/ecosoc-draft-admin-data-annex.txt", "draft-resolution", "Economic and Social Council", 9, 10, None),
    ("holdout5/word-paste-c3-older-persons.txt", "draft-resolution", GA, 10, 15, None),
    # sixth held-out set: the decision's operative part is one "Decides:" with lettered parts;
    # the Security Council text skips number 9; "[new] Stressing" is a preambular paragraph.
    ("holdout6/ga-c6-81-draft-ilc-report-pdf.txt", "draft-resolution", GA, 9, 15, None),
    ("holdout6/hrc-62-draft-decision-follow-up-seminar.md", "draft-decision", HRC, 5, 1, None),
    ("holdout6/sc-res-2837-2026-libya-unsmil.txt", "resolution", "Security Council", 13, 11, None),
    ("holdout6/ga-81-rev1-disaster-relief.md", "draft-resolution", GA, 9, 14, None),
    # seventh held-out set (counted by hand): the statistics resolution skips number 4 and
    # opens OP6 with "Requesting"; the composite text's part A preamble has "Recalls ...,"
    # (a preambular paragraph with the wrong opening) and part B a "PP2" label; the ECOSOC
    # resolution's one paragraph is unnumbered; the amendment has six instructions.
    ("holdout7/01-ga-plenary-national-institutions.txt", "draft-resolution", GA, 6, 7, None),
    ("holdout7/02-hrc-item10-central-african-republic.txt", "draft-resolution", HRC, 8, 10, None),
    ("holdout7/03-sc-women-peace-security.txt", "resolution", "Security Council", 6, 6, None),
    ("holdout7/04-ecosoc-ngo-arrangements-draft.txt", "draft-resolution", ECOSOC, 6, 6, None),
    ("holdout7/05-ga-c3-law-enforcement-subparagraphs.txt", "draft-resolution", GA, 3, 5, None),
    ("holdout7/06-hrc-adopted-with-annex.txt", "resolution", HRC, 4, 7, None),
    ("holdout7/07-ga-adopted-statistics.txt", "resolution", GA, 5, 8, None),
    ("holdout7/08-ga-revised-draft-disaster-resilience.txt", "draft-resolution", GA, 4, 7, None),
    ("holdout7/09-ga-c3-amendment.txt", "amendment", GA, 0, 6, None),
    ("holdout7/10-hrc-national-mechanisms-footnotes.txt", "draft-resolution", HRC, 7, 6, None),
    ("holdout7/11-ga-single-operative-numbered.txt", "draft-resolution", GA, 4, 1, None),
    ("holdout7/12-ecosoc-adopted-single-paragraph.txt", "resolution", ECOSOC, 2, 1, None),
    ("holdout7/13-hrc-education-sessions.txt", "draft-resolution", HRC, 4, 8, None),
    ("holdout7/14-sc-haiti-mandate.txt", "resolution", "Security Council", 4, 7, None),
    ("holdout7/15-ga-composite-information.txt", "resolution", GA, 4, 9, None),
    # eighth held-out set (counted by hand): ECOSOC drafts recommended by a functional commission
    # (whose own session is in the masthead); "Notes with concern" and "[PP8 bis] Noting" are
    # preambular; "4. Requesting" is an operative paragraph; the HRC decision is one sentence
    # ("The Human Rights Council, recalling ..., decides: (a) ...").
    ("holdout8/01-hrc-item10-haiti-draft.txt", "draft-resolution", HRC, 9, 8, None),
    ("holdout8/02-hrc-adopted-yemen.md", "resolution", HRC, 7, 6, None),
    ("holdout8/03-ga-plenary-composite-ab.txt", "resolution", GA, 6, 9, None),
    ("holdout8/04-sc-chapter-vii-car.txt", "resolution", "Security Council", 7, 9, None),
    ("holdout8/05-csw-draft-via-ecosoc.txt", "draft-resolution", ECOSOC, 5, 6, None),
    ("holdout8/06-cnd-draft-via-ecosoc.md", "draft-resolution", ECOSOC, 5, 5, None),
    ("holdout8/07-ga-c3-justice-rev1.txt", "draft-resolution", GA, 5, 11, None),
    ("holdout8/08-hrc-draft-decision-panel.txt", "draft-decision", HRC, 1, 1, None),
    ("holdout8/09-ga-adopted-statistics-annex.txt", "resolution", GA, 5, 5, None),
    ("holdout8/10-ecosoc-adopted-ngo.txt", "resolution", ECOSOC, 4, 6, None),
    ("holdout8/11-hrc-burundi-draft.md", "draft-resolution", HRC, 6, 7, None),
    ("holdout8/12-ga-plenary-eccas-oral-revision.txt", "draft-resolution", GA, 5, 6, None),
    ("holdout8/13-hrc-adopted-drc-item10.txt", "resolution", HRC, 7, 5, None),
    ("holdout8/14-ga-c2-sids-subparagraphs.txt", "draft-resolution", GA, 6, 6, None),
    # ninth held-out set (counted by hand): page headers ("E/RES/2025/19") between paragraphs;
    # "Reaffirms its commitment ...," is preambular; OP6 is missing in the rule-of-law text.
    ("holdout9/ecosoc-adopted-corruption.txt", "resolution", ECOSOC, 8, 6, None),
    ("holdout9/ecosoc-ngo-draft.txt", "draft-resolution", ECOSOC, 8, 7, None),
    ("holdout9/ga-c2-desertification.txt", "draft-resolution", GA, 10, 9, None),
    ("holdout9/ga-c3-older-persons.txt", "draft-resolution", GA, 9, 9, None),
    ("holdout9/ga-c6-rule-of-law.txt", "draft-resolution", GA, 11, 9, None),
    ("holdout9/ga-composite-information.md", "resolution", GA, 9, 8, None),
    ("holdout9/ga-es11-draft.txt", "draft-resolution", GA, 9, 6, None),
    ("holdout9/ga-plenary-hr-education-day.txt", "draft-resolution", GA, 8, 1, None),
    ("holdout9/ga-plenary-hrc-report.txt", "resolution", GA, 8, 7, None),
    ("holdout9/hrc-adopted-idps.txt", "resolution", HRC, 11, 8, None),
    ("holdout9/hrc-draft-technical-cooperation.md", "draft-resolution", HRC, 11, 8, None),
    ("holdout9/hrc-special-session-food.txt", "draft-resolution", HRC, 9, 9, None),
    # tenth held-out set (counted by hand): amendments count their instructions as operative
    # paragraphs (the title of the amended draft opens with a participle in one); three
    # one-sentence decisions; "Recognizes ...," and "Condemns ...," are preambular.
    ("holdout10/ecosoc-2025-decision-ngo-committee.txt", "draft-decision", ECOSOC, 1, 1, None),
    ("holdout10/ecosoc-2025-statistics-capacity-wrapped.txt", "draft-resolution", ECOSOC, 6, 8, None),
    ("holdout10/ga80-c3-amendment-wrapped.txt", "amendment", GA, 0, 8, None),
    ("holdout10/ga80-composite-nhri-ta.txt", "draft-resolution", GA, 6, 11, None),
    ("holdout10/ga80-decision-upr-fund.txt", "draft-decision", GA, 1, 1, None),
    ("holdout10/ga80-justice-guidelines-annex-wrapped.txt", "draft-resolution", GA, 4, 6, None),
    ("holdout10/hrc56-south-sudan-ta.md", "draft-resolution", HRC, 4, 11, None),
    ("holdout10/hrc57-amendment-somalia-wrapped.txt", "amendment", HRC, 0, 4, None),
    ("holdout10/hrc57-decision-panel.txt", "draft-decision", HRC, 2, 1, None),
    ("holdout10/hrc57-somalia-ta-wrapped.txt", "draft-resolution", HRC, 7, 10, None),
    ("holdout10/hrc57-technical-cooperation-rev1.md", "draft-resolution", HRC, 6, 9, None),
    ("holdout10/sc-car-mandate-chapter7-wrapped.txt", "draft-resolution", "Security Council", 7, 7, None),
    ("holdout10/sc-haiti-office-mandate.txt", "draft-resolution", "Security Council", 4, 8, None),
    # eleventh held-out set (counted by hand): page furniture between paragraphs; "Recalls ...,"
    # is preambular; "a)" items stay text of their paragraph; the ECOSOC decision is one sentence
    # with no comma ("The Economic and Social Council decides that ...").
    ("holdout11/ecosoc-2025-crime-prevention.txt", "resolution", ECOSOC, 5, 6, None),
    ("holdout11/ecosoc-draft-decision-csw.txt", "draft-decision", ECOSOC, 0, 1, None),
    ("holdout11/ga-c3-amendment-L58.txt", "amendment", GA, 0, 3, None),
    ("holdout11/ga-c3-rev1-national-institutions.txt", "draft-resolution", GA, 8, 8, None),
    ("holdout11/ga-plenary-draft-early-warning.txt", "draft-resolution", GA, 8, 11, None),
    ("holdout11/ga80-adopted-statistics-annex.md", "resolution", GA, 5, 5, None),
    ("holdout11/hrc58-adopted-libya.txt", "resolution", HRC, 9, 8, None),
    ("holdout11/hrc60-item10-car.txt", "draft-resolution", HRC, 6, 10, None),
    ("holdout11/hrc61-item10-south-sudan.md", "draft-resolution", HRC, 7, 8, None),
    ("holdout11/sc-car-sanctions.txt", "resolution", "Security Council", 5, 9, None),
    ("holdout11/sc-unmiss-mandate.txt", "resolution", "Security Council", 6, 6, None),
    # twelfth held-out set (counted by hand): a preambular paragraph ending "." still counts; a
    # repeated "5." and a "3)" are operative paragraphs; the ECOSOC draft skips number 6;
    # "Notes with satisfaction ...," and "[PP7] Alarmed" are preambular; "6. Encouraging" and
    # "4. The General Assembly urges" are operative; the GA decision is one "Decides:" with (a)-(g).
    ("holdout12/a-res-80-231-international-cooperation.txt", "resolution", GA, 8, 8, None),  # "5." twice
    ("holdout12/ecosoc-E-2026-L12-ngo-committee.txt", "draft-resolution", ECOSOC, 8, 9, None),  # 1-5, 7-10
    ("holdout12/ga-80-L48-mine-action.md", "draft-resolution", GA, 8, 8, None),  # authoring line has no comma
    ("holdout12/ga-80-L57-draft-decision.txt", "draft-decision", GA, 3, 1, None),  # one "Decides:" (a)-(g)
    ("holdout12/ga-c2-80-L18-Rev1-disaster-risk.txt", "draft-resolution", GA, 9, 7, None),
    ("holdout12/ga-c3-80-L31-national-institutions.txt", "draft-resolution", GA, 9, 10, None),
    ("holdout12/ga-c6-80-L9-uncitral.txt", "draft-resolution", GA, 7, 9, None),  # OP3 numbered "3)"
    ("holdout12/hrc-62-L14-sierra-leone.md", "draft-resolution", HRC, 9, 9, None),
    ("holdout12/hrc-62-L27-right-to-education.txt", "draft-resolution", HRC, 10, 10, None),  # "Whereas" is PP
    ("holdout12/sc-res-2817-2026-libya.txt", "resolution", "Security Council", 9, 9, None),
    # thirteenth held-out set (counted by hand): the CND and CSW texts are the commissions' own
    # drafts ("The Commission on ...,"), so the commission is the body, as in holdout4; "Recalls ...,"
    # is preambular; the amendment numbers its items 1, 2, 2, 3-6 (seven instructions); the
    # declaration's annex paragraphs are not operative; "6. Requesting" is operative.
    ("holdout13/cnd-transit-states.md", "draft-resolution", "Commission on Narcotic Drugs", 8, 9, None),
    ("holdout13/csw-hiv-draft.md", "draft-resolution", "Commission on the Status of Women", 8, 7, None),
    ("holdout13/ecosoc-cultural-property.txt", "draft-resolution", ECOSOC, 7, 8, None),
    ("holdout13/ecosoc-ngo-decision.txt", "draft-decision", ECOSOC, 6, 1, None),  # "1. Decides:" (a)-(e)
    ("holdout13/ga-2000-national-institutions.txt", "draft-resolution", GA, 9, 9, None),
    ("holdout13/ga-c3-amendment.txt", "amendment", GA, 0, 7, None),  # seven items, "2." used twice
    ("holdout13/ga-drr-declaration.txt", "draft-resolution", GA, 9, 7, None),  # annex 1-7 not counted
    ("holdout13/hrc-car-item10.txt", "draft-resolution", HRC, 9, 11, None),
    ("holdout13/sc-sanctions-drc.txt", "draft-resolution", "Security Council", 9, 10, None),  # 1-4, 6-11
    ("holdout13/sc-unmiss-mandate.txt", "draft-resolution", "Security Council", 10, 8, None),
    # fourteenth held-out set (counted by hand): the CHR text is the Commission's own draft, so the
    # Commission is the body; "[OP.3bis]" counts as an operative paragraph (as "OP7 bis" in holdout2);
    # the adopted HIV text skips number 6; a fully italicised "*Stressing ...*," is preambular;
    # "Acting under Chapter VII ...," is preambular; the SC draft's last paragraph ends ";".
    ("holdout14/chr-2005-advisory-services.txt", "draft-resolution", "Commission on Human Rights",
     11, 6, None),  # 1-3, [OP.3bis], 4-5
    ("holdout14/ecosoc-2026-ngo-participation.txt", "draft-resolution", ECOSOC, 8, 6, None),
    ("holdout14/ga-3c-rev1-disability.txt", "draft-resolution", GA, 10, 9, None),
    ("holdout14/ga-79-hiv-aids-adopted.txt", "resolution", GA, 8, 7, None),  # 1-5, 7-8
    ("holdout14/ga-80-financing-for-development.txt", "draft-resolution", GA, 10, 4, None),
    ("holdout14/ga-es11-civilian-infrastructure.txt", "draft-resolution", GA, 11, 7, None),
    ("holdout14/hrc-58-women-defenders.md", "draft-resolution", HRC, 7, 7, None),
    ("holdout14/hrc-59-business-human-rights.md", "draft-resolution", HRC, 9, 8, None),  # italic "Stressing" PP
    ("holdout14/hrc-60-technical-cooperation.txt", "draft-resolution", HRC, 9, 6, None),
    ("holdout14/sc-draft-nonproliferation-1540.txt", "draft-resolution", "Security Council", 11, 7, None),
    # fifteenth held-out set (counted by hand): (a), (b), (i) items stay text of their paragraph;
    # "8. Encouraging" is operative; the Libya text skips number 7; a preambular paragraph ending ";"
    # (CAR) and a fully italicised "*Stressing ...*," (Somalia) still count; "Recalls ...," is preambular.
    ("holdout15/ecosoc-firearms-technical-assistance.txt", "draft-resolution", ECOSOC, 5, 12, None),
    ("holdout15/ecosoc-statistical-capacity.txt", "draft-resolution", ECOSOC, 10, 10, None),
    ("holdout15/ga79-c3-nhri-capacity.txt", "draft-resolution", GA, 7, 12, None),  # "8. Encouraging"
    ("holdout15/ga80-c2-ldc-capacity.md", "draft-resolution", GA, 6, 12, None),
    ("holdout15/ga80-c3-child-marriage-capacities.txt", "draft-resolution", GA, 7, 12, None),
    ("holdout15/hrc58-libya.txt", "draft-resolution", HRC, 10, 11, None),  # 1-6, 8-12
    ("holdout15/hrc59-somalia.md", "draft-resolution", HRC, 10, 11, None),
    ("holdout15/hrc60-cambodia-advisory-services.txt", "draft-resolution", HRC, 6, 11, None),
    ("holdout15/hrc60-car-technical-assistance.txt", "draft-resolution", HRC, 11, 12, None),  # PP ends ";"
    ("holdout15/sc-unmiss-mandate.txt", "resolution", "Security Council", 10, 10, None),  # "Recalls" PP
    # sixteenth held-out set (correct texts only; counted by hand): annex paragraphs 1-8 are not
    # operative; the composite text's part A has one unnumbered "Urges ...:" paragraph (counted 1,
    # as an unnumbered single paragraph elsewhere); (a)/(i) items stay text of their paragraph; the
    # HRC decision (masthead "General Assembly") is one "Decides:" with (a)-(g).
    ("holdout16/ecosoc-ngo-participation.txt", "resolution", ECOSOC, 8, 8, None),
    ("holdout16/ga-adopted-torture.txt", "resolution", GA, 9, 9, None),
    ("holdout16/ga-c2-ict-annex.md", "draft-resolution", GA, 8, 6, None),  # annex 1-8 not counted
    ("holdout16/ga-c3-nhri-rev1.md", "draft-resolution", GA, 10, 11, None),
    ("holdout16/ga-composite-information.txt", "resolution", GA, 8, 10, None),  # parts A 4+1, B 4+9
    ("holdout16/ga-plenary-disasters.txt", "draft-resolution", GA, 12, 13, None),
    ("holdout16/hrc-42-draft-decision.txt", "draft-decision", HRC, 6, 1, None),  # one "Decides:" (a)-(g)
    ("holdout16/hrc-56-education.txt", "draft-resolution", HRC, 10, 9, None),
    ("holdout16/hrc-57-item10-libya.md", "draft-resolution", HRC, 10, 11, None),
    ("holdout16/sc-resolution-wps.txt", "resolution", "Security Council", 10, 15, None),
    # seventeenth held-out set (counted by hand): double-spaced wrapped lines (one continuation
    # opens "(a) of the annex"); a preambular paragraph cut by a page break (footnotes, page
    # number, symbol); "OP5 bis" is operative and "(1)", "a." items stay text; the amendment numbers
    # its instructions 1, 2, 3, 3, 4-9 (ten) and quotes "7.", "12.", "18." paragraphs; the
    # composite's part B authoring line lacks "The"; preambular paragraphs ending "." or ";", a fully
    # italicised one and "Recalls ...," still count; "6. Requesting" is operative; the Somalia
    # authoring line has no comma.
    ("holdout17/ecosoc-ngo-draft-decision.txt", "draft-decision", ECOSOC, 3, 1, None),  # "Decides:" (a)-(f)
    ("holdout17/ga-amr-double-spaced.txt", "draft-resolution", GA, 5, 7, None),
    ("holdout17/ga-c2-drr-rev1.txt", "draft-resolution", GA, 4, 8, None),  # 1-5, OP5 bis, 6-7
    ("holdout17/ga-c3-amendments-indigenous.txt", "amendment", GA, 0, 10, None),  # "3." used twice
    ("holdout17/ga-c3-older-persons-pdf.txt", "draft-resolution", GA, 6, 7, None),  # 1-6, 8
    ("holdout17/ga-res-outer-space-composite.txt", "resolution", GA, 7, 8, None),  # parts A 4+5, B 3+3
    ("holdout17/hrc-ai-public-services.md", "draft-resolution", HRC, 6, 7, None),  # "Recalls" PP
    ("holdout17/hrc-child-participation-annex.txt", "draft-resolution", HRC, 3, 7, None),  # annex not counted
    ("holdout17/hrc-somalia-word-paste.txt", "draft-resolution", HRC, 7, 9, None),  # "6. Requesting"
    ("holdout17/sc-res-haiti-adopted.txt", "resolution", "Security Council", 9, 6, None),  # PP5 ends "."
]


def _params():
    for path, kind, body, pp, op, gap in EXPECTED:
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        yield pytest.param(path, kind, body, pp, op, marks=marks, id=path)


def _parse(path: Path) -> dict:
    return recall.run_reslint("parse", "--format", "json", str(path))


def test_every_sample_is_listed():
    on_disk = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.suffix in (".md", ".txt")}
    assert on_disk == {e[0] for e in EXPECTED}


@pytest.mark.parametrize("path,kind,body,pp,op", list(_params()))
def test_sample_parses(path, kind, body, pp, op):
    doc = _parse(SAMPLES / path)
    assert doc["kind"] == kind
    assert doc["body"] == body
    assert len(doc["preamble"]) == pp
    assert len(doc["operative"]) == op


def _check(*paths: Path) -> dict:
    return recall.run_reslint("check", "--format", "json", "--no-cache", "--exit-zero", *map(str, paths))


def test_clean_samples_have_no_errors_or_warnings():
    report = _check(SAMPLES / "clean")
    assert len(report["files"]) >= 2
    noisy = [
        f"{Path(entry['path']).name}:{f['line']} {f['rule']} {f['severity']}: {f['message']}"
        for entry in report["files"]
        for f in entry["findings"]
        if f["severity"] in ("error", "warning")
    ]
    assert not noisy, "\n".join(noisy)
    assert all(entry["error"] is None for entry in report["files"])


# ---- manifest -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def manifest() -> dict:
    return recall.load_manifest()


def test_manifest_lines_point_at_the_snippets(manifest):
    for item in manifest["defects"] + manifest["traps"]:
        lines = (SAMPLES / "defects" / item["file"]).read_text(encoding="utf-8").splitlines()
        assert item["snippet"] in lines[item["line"] - 1], item


def test_manifest_covers_every_family_and_layout(manifest):
    defects = manifest["defects"]
    assert len(defects) >= 30
    families = Counter(d["family"] for d in defects)
    assert set(families) == set(recall.FAMILIES)
    assert min(families.values()) >= 5
    suffixes = {Path(d["file"]).suffix for d in defects}
    assert {".md", ".txt"} <= suffixes
    assert len({d["file"] for d in defects}) >= 4
    assert {t["family"] for t in manifest["traps"]} >= {"CON", "CIT", "TRM", "SES"}


def test_evaluate_matching_rules():
    """The matcher itself: same family, +-1 line or same address, one finding per defect."""
    manifest = {
        "defects": [
            {"file": "a.txt", "family": "CIT", "address": "PP2", "line": 10, "description": ""},
            {"file": "a.txt", "family": "CIT", "address": "PP2", "line": 10, "description": ""},
            {"file": "a.txt", "family": "STR", "address": "AUTHORING", "line": 20, "description": ""},
            {"file": "a.txt", "family": "SES", "address": "OP4", "line": 40, "description": ""},
        ],
        "traps": [{"file": "a.txt", "family": "CON", "address": "OP3", "line": 30, "description": ""}],
    }
    report = {"files": [{"path": "/x/a.txt", "findings": [
        {"rule": "CIT003", "line": 11, "address": "PP2", "severity": "error", "message": ""},
        {"rule": "PRS001", "line": 21, "address": "PP1", "severity": "error", "message": ""},
        {"rule": "TRM001", "line": 40, "address": "OP4", "severity": "error", "message": ""},
        {"rule": "CON001", "line": 31, "address": "OP3", "severity": "warning", "message": ""},
    ]}]}
    result = recall.evaluate(manifest, report)
    assert result.counts("CIT") == (1, 2)  # one finding cannot satisfy two defects
    assert result.counts("STR") == (1, 1)  # PRS counts as structure
    assert result.counts("SES") == (0, 1)  # wrong family on the right line
    assert len(result.alarms) == 1


# ---- recall ---------------------------------------------------------------------------

def test_recall_on_planted_defects(manifest, capsys):
    if recall.rule_count() < 10:
        pytest.skip("rule pack not written yet (fewer than 10 rules in rules/)")
    report = _check(SAMPLES / "defects")
    result = recall.evaluate(manifest, report)
    with capsys.disabled():
        print("\n" + recall.table(result))
    assert len(result.alarms) <= 1, recall.table(result)
    assert result.recall() >= 0.8, recall.table(result)
