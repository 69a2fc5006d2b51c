"""Shared vocabulary of resolution drafting: bodies, opening phrases, line shapes.

Data, not logic: the normalizer uses it to see where paragraphs start, the
grammar to classify them, and built-in checks to judge opening words. Lists
follow un-drafting.md §6 (opening phrases) and §1 (bodies).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTHS_RE = "|".join(MONTHS)

BODIES = (
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Commission on Human Rights",
    "Trusteeship Council",
)
BODY_KEYWORDS = ("Assembly", "Council", "Commission", "Sub-Commission", "Committee", "Board", "Conference",
                 "Parties", "Forum")

_AUTHORING = re.compile(r"^(?P<article>The\s+)?(?P<body>[A-Z][^,]{2,110}?)\s*(?P<comma>,)?\s*(?P<rest>(?<=,)\s*\S.*)?$")
_FUNCTION_WORDS = ("of", "on", "and", "for", "the", "in", "to")


class _AuthoringMatcher:
    """``match(s)`` -> match object with body/comma/rest groups, or None."""

    def match(self, s: str):
        m = _AUTHORING.match(s)
        if m is None:
            return None
        words = m.group("body").split()
        if len(words) > 14 or not any(w in BODY_KEYWORDS for w in words):
            return None
        if any(not (w[:1].isupper() or w in _FUNCTION_WORDS) for w in words) or words[-1] in _FUNCTION_WORDS:
            return None
        if m.group("article") is None and not (m.group("body") in BODIES and m.group("comma") and not m.group("rest")):
            return None
        return m


AUTHORING_LINE = _AuthoringMatcher()

KIND_LINE = re.compile(
    r"\b(?:draft\s+resolutions?|draft\s+decisions?|amendments?\s+to|amendment\b|"
    r"Resolution\s+adopted\s+by|Decision\s+adopted\s+by|Resolution\s*:\s*\d)",
    re.I,
)
# The end of a kind line wrapped before its symbol: "A/C.3/80/L.20/Rev.1", "report contained in
# document A/80/545". A title never ends with a document symbol.
KIND_LINE_END = re.compile(r".{0,100}(?<![\w/])(?:A|E|S)/[\w./\-]*[\w\-]\*?$")


def kind_line_end(lines: list[str], start: int) -> int:
    """Where the kind line ends, given the lines after it from ``start``: past the rest of a
    kind line wrapped over several ("... Sweden:* amendment to draft" / "resolution 6
    recommended by the Second Committee in its report contained in" / "document A/80/555"),
    which ends with the symbol of the text it is about, within three lines; ``start`` when
    the next lines are not part of it."""
    end = start
    for k in range(start, min(start + 3, len(lines))):
        if KIND_LINE_END.match(lines[k].strip()):
            end = k + 1
    return end

NUMBERED_PARAGRAPH = re.compile(r"^(?P<number>\d{1,3})\s?\.\s+(?=\S)")
# "Section 2 General Assembly affairs", "Part II Political affairs", "IV. Follow-up": a heading line
SECTION_HEADING_LINE = re.compile(r"^(?:(?:Section|Part|Chapter)\s+(?:\d{1,3}[A-Z]?|[IVXL]{1,6})\b|[IVXL]{1,6}\.?\s+[A-Z])")
# "[OP5bis] 6. Encourages ...", "PP3 Recalling ...": a negotiation label before the paragraph;
# the paragraph is read without it (STR015 reports the label).
NEGOTIATION_PREFIX = re.compile(r"\[?\(?(?:PP|OP)\s?\.?\s?\d{1,3}\s?(?:bis|ter|quater|alt|new|[a-z])?\)?\]?\s*[.:]?\s+(?=\S)")
# "25 Condemns", "9) Invites": a number whose full stop was dropped or written as a parenthesis.
NUMBER_WITHOUT_STOP = re.compile(r"^(?P<number>\d{1,3})(?:\s+|\)\s*)(?=[A-Z])")
SUBPARAGRAPH_LABEL = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s*(?=\S)")
CLOSING_LINE = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting\b"
    r"|\[?(?:(?:Resolution|Decision)\s+adopted|Adopted)\s+(?:without|by|unanimously|at)\b"
    r"|Adopted\s+at\s+the\s+\d"
    r"|(?:[1-9]|[12]\d|3[01])\s+(?:" + MONTHS_RE + r")\s+\d{4}\s*$)"
)

# Preambular openers (§6.1) by their first word; multiword phrases are matched
# by the opening-phrase grammar, this only decides "a paragraph starts here".
PREAMBULAR_FIRST_WORDS = frozenset("""
Acknowledging Acting Affirming Alarmed Anxious Appreciating Approving Aware Bearing Believing
Cognizant Concerned Confident Congratulating Conscious Considering Contemplating Convinced
Declaring Deeply Deploring Desiring Desirous Determined Emphasizing Endorsing Expecting Expressing
Firmly Fulfilling Fully Further Gravely Grieved Guided Having Keeping Mindful Noting Observing
Pointing Reaffirming Realizing Recalling Recognizing Referring Regretting Reiterating Reminding
Seeking Seized Stressing Taking Underlining Underscoring Viewing Welcoming Encouraged Encouraging
Highlighting Commending Condemning Acknowledging Applauding Deploring Determining Strongly Seriously
Emphasising Recognising Realising Reaffirming Also Noting Inspired Committed Convinced Resolved Reiterating
Acknowledging Cognisant Wishing Building Upholding Reasserting Sharing Appalled Outraged Troubled
Disturbed Saddened Shocked Urging Calling Condemning Bearing Pursuant Aware Mindful Underlining
Emphasizing Stressing Determined Conscious Recognizing Reaffirming Recalling Noting Welcoming
""".split())

OPERATIVE_ADVERBS = frozenset(
    "Also Further Again Once Strongly Firmly Urgently Further Again Solemnly Reiterates Hereby Equally "
    "Fully Deeply Formally Respectfully Likewise Furthermore Moreover Finally Lastly".split()
)

OPERATIVE_VERBS = frozenset("""
Accepts Acknowledges Adopts Affirms Agrees Applauds Appeals Appreciates Approves Asks Authorizes Calls
Commends Condemns Confirms Congratulates Considers Decides Declares Demands Deplores Designates Determines
Directs Draws Emphasizes Encourages Endorses Establishes Expresses Extends Highlights Hopes Insists
Invites Notes Proclaims Proposes Reaffirms Recalls Recognizes Recommends Regrets Reiterates Reminds
Renews Requests Resolves Seeks Stresses Suggests Supports Takes Transmits Trusts Underlines Underscores
Urges Welcomes Approves Elects Appoints Authorises Emphasises Recognises Commemorates Acknowledges
Observes Notes Rejects Deplores Demands Reaffirms Reiterates Stresses Decides Requests Invites Calls
Bears Believes Wishes Looks Continues Undertakes Pledges Salutes Thanks Condemns Denounces Deems
Entrusts Mandates Launches Outlines Sets Reserves Remains Recommends Expresses Emphasizes
""".split())

# (patterns used once per paragraph are compiled here, not looked up in re's cache each call)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_WORDS = re.compile(r"[A-Za-z]+")
_OPENING_WORDS = re.compile(r"[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){0,7}")
_FIRST_TWO_WORDS = re.compile(r"([A-Za-z’'-]+)(?:\s+([A-Za-z’'-]+))?")
_ING = re.compile(r"^(?:[A-Z][a-z]+ing|Having|Being)\s+(?:[a-z(“\"‘]|[A-Z]{2})")
_FIRST_WORD = re.compile(r"^[*_]*([A-Z][a-z]+)\b")


def starts_with_opener(s: str, strict: bool = False) -> bool:
    """Does ``s`` begin like a preambular paragraph ("Recalling", "Deeply concerned")?"""
    m = _FIRST_WORD.match(s)
    if m is None:
        return False
    word = m.group(1)
    rest = s[m.end():m.end() + 2]
    if word in ("Also", "Further"):
        # "Also decides", "Further requests": an operative verb after the adverb
        nxt = _NEXT_WORD.match(s[m.end():m.end() + 40])
        if nxt and nxt.group(1).capitalize() in OPERATIVE_VERBS:
            return False
    if word in PREAMBULAR_FIRST_WORDS:
        if strict and word in ("Also", "Further", "Acting", "Building", "Calling", "Taking", "Seeking"):
            return bool(_LOWER_NEXT.match(rest))
        return not rest[:1].isalnum()
    return bool(_ING.match(s))


_NOT_VERBS = frozenset("States Nations Parties Governments Members Affairs Rights Officials Forces Agencies "
                       "Programmes Bodies Countries Peoples Elections Refugees Consultations Negotiations "
                       "Operations Meetings Activities Measures Efforts Resources Sessions Reports This Thus "
                       "Various Previous Numerous Serious Its His Has Was Is As Us Yes Less Unless".split())
_VERB_SHAPE = re.compile(r"^((?:Also|Further|Strongly|Once again|Again|Firmly)\s+)?([A-Z][a-z]{2,}(?:e|i|r|t|n|d|l|k|h|g|m|p|w|v|y|c|o|u)s)\s+(?:[a-z“\"(]|[A-Z][a-z])")


def starts_with_operative(s: str, loose: bool = False) -> bool:
    """Does ``s`` begin with an operative verb in the present tense ("Requests")?

    ``loose`` also accepts any capitalized word of verb shape ("Instructs the"),
    for classifying whole paragraphs, never for deciding where one starts.
    """
    if loose:
        m = _VERB_SHAPE.match(s)
        if m and m.group(2) not in _NOT_VERBS:
            return True
    words = _WORDS.findall(s[:60])
    if not words:
        return False
    k = 0
    while k < len(words) - 1 and words[k] in OPERATIVE_ADVERBS and words[k] not in OPERATIVE_VERBS:
        k += 1
    if k < len(words) and words[k].lower() == "again":
        k += 1
    if k >= len(words):
        return False
    w = words[k]
    if k > 0:
        w = w[:1].upper() + w[1:]
    return w in OPERATIVE_VERBS


def is_closing_line(s: str) -> bool:
    return bool(CLOSING_LINE.match(s))


def starts_paragraph(s: str) -> bool:
    return bool(
        NUMBERED_PARAGRAPH.match(s)
        or SUBPARAGRAPH_LABEL.match(s)
        or starts_with_opener(s, strict=True)
        or is_closing_line(s)
    )


def opening_phrase(text: str, operative: bool) -> str:
    """The opening words: a participle/adjective phrase or a verb phrase.

    Adverbs that precede or follow the head word belong to the phrase
    ("Also requests", "Recalling further", "Deeply concerned").
    """
    # Most openings are one word ("Recalling its ...", "Decides that"): settled by the
    # first two words, the same way the loop in _opening_of_words decides at its first word.
    two = _FIRST_TWO_WORDS.match(text)
    if two is None:
        return ""
    first, nxt = two.group(1), two.group(2) or ""
    if first not in _LEADING_ADVERBS and (
            nxt not in _PHRASE_GOES_ON
            or (nxt in ("the", "its") and first not in _TAKES_THE)
            or (nxt == "of" and first.lower() != "note" and first not in _TAKES_OF)):
        return first
    m = _OPENING_WORDS.match(text)
    return _opening_of_words(m.group(0))


# Words of opening phrases (see _opening_of_words).
_LEADING_ADVERBS = frozenset((
    "Also", "Further", "Once", "Strongly", "Firmly", "Deeply", "Gravely", "Fully",
    "Again", "Seriously", "Urgently", "Solemnly", "Equally", "Having", "Being",
    "Bearing", "Taking", "Noting", "Expressing", "Keeping", "Calling", "Draws",
    "Takes", "Calls", "Expresses", "Bears", "Pointing", "Acting", "Guided", "Once"))
_PHRASE_GOES_ON = frozenset((
    "also", "further", "again", "once", "with", "in", "note", "of", "upon", "on", "for",
    "mind", "into", "account", "concerned", "convinced", "aware", "alarmed", "disturbed",
    "conscious", "its", "the", "deep", "grave", "serious", "appreciation", "satisfaction",
    "concern", "regret", "approval", "consideration", "attention", "more", "great"))
_TAKES_THE = frozenset(("Expressing", "Expresses", "Draws", "Bearing", "Keeping"))
_TAKES_OF = frozenset(("Aware", "Mindful", "Cognizant", "Conscious"))


@lru_cache(maxsize=4096)
def _opening_of_words(first_words: str) -> str:
    """``opening_phrase`` of the (at most eight) words it reads; cached, as many repeat."""
    words = first_words.split()
    out: list[str] = []
    for k, w in enumerate(words):
        out.append(w)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if k == 0 and w in _LEADING_ADVERBS:
            continue
        if nxt in _PHRASE_GOES_ON:
            if nxt in ("the", "its") and not (words[0] in _TAKES_THE):
                break
            if nxt in ("of",) and "note" not in [x.lower() for x in out] and words[0] not in _TAKES_OF:
                break
            continue
        break
    # trailing function words are not part of the opening
    while out and out[-1] in ("the", "its", "of", "on", "in", "with", "for", "into", "upon") and len(out) > 1:
        if out[-1] in ("of", "upon", "on", "for") and out[0] in ("Takes", "Taking", "Calls", "Calling", "Aware", "Mindful"):
            break
        out.pop()
    return " ".join(out)


def body_from_name(name: str) -> Optional[str]:
    for body in BODIES:
        if body.lower() in name.lower():
            return body
    return None
