"""The citation registry: resolution and decision numbers with their adoption dates.

The shipped table (``checker/data/registry.csv``; columns ``symbol, body,
number, date, title, source``) is built by ``build_registry`` from three
inputs, first source winning for a symbol:

1. adopted texts of the corpus (the date printed in their own header);
2. the corpus ``registry.csv`` (text-derived rows and Erik Voeten's GA
   voting data, see the corpus SOURCES.md §6);
3. the verified tables of un-drafting.md §5.4 (GA, HRC, CHR, ECOSOC, SC).

The build is deterministic (fixed sort, ``\\n`` line endings), so re-running
it on the same inputs reproduces the shipped file byte for byte.

At lint time the table is read only when a registry rule runs
(``load_registry``), once per process and set of extra files. A project
extends it with ``registry:`` files in ``.reslint.yaml`` (same columns; only
``symbol`` and ``date`` are required, body and number are read from the
symbol); a user row replaces a shipped row with the same key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

# Patterns are compiled on first use: a lint run that reads the registry from the cache
# needs none of the table-building ones.
_re = lru_cache(maxsize=None)(re.compile)

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "registry.csv"
_REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = _REPO.parent / "shared" / "corpus" / "real"
DEFAULT_DRAFTING = _REPO.parent / "shared" / "docs" / "un-drafting.md"
COLUMNS = ("symbol", "body", "number", "date", "title", "source")

#: Body codes used in the table, in output order, and the citation grammar's names.
BODY_CODES = ("GA", "HRC", "CHR", "SUB", "ECOSOC", "SC")
BODY_NAMES = {
    "General Assembly": "GA", "Human Rights Council": "HRC", "Commission on Human Rights": "CHR",
    "Sub-Commission": "SUB", "Economic and Social Council": "ECOSOC", "Security Council": "SC",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_NO = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NO.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_MONTH_NO["sept"] = 9


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the citation registry: a resolution's symbol, body, number and adoption date."""
    symbol: str
    body: str       # GA | HRC | CHR | SUB | ECOSOC | SC
    number: str     # as the citation grammar normalizes it: "60/251", "217 A (III)", "1325 (2000)"
    date: str       # ISO yyyy-mm-dd, or "" when unknown
    title: str
    source: str

    @property
    def kind(self) -> str:
        return "decision" if "/DEC/" in self.symbol else "resolution"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.body, self.kind, self.number

    @property
    def date_text(self) -> str:
        """The date in UN form ("20 December 1993"), or ""."""
        if not self.date:
            return ""
        y, m, d = self.date.split("-")
        return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


# --------------------------------------------------------------------------
# Symbols <-> (body, kind, number)
# --------------------------------------------------------------------------

_SYMBOL_FORMS: tuple[tuple[str, int, str], ...] = (   # (pattern, flags, body)
    (r"^A/HRC/(RES|DEC)/(?P<n>.+)$", 0, "HRC"),
    (r"^E/CN\.4/SUB\.2/(RES|DEC)/(?P<n>.+)$", re.I, "SUB"),
    (r"^E/CN\.4/(RES|DEC)/(?P<n>.+)$", 0, "CHR"),
    (r"^A/(RES|DEC)/(?P<n>.+)$", 0, "GA"),
    (r"^E/(RES|DEC)/(?P<n>.+)$", 0, "ECOSOC"),
    (r"^S/(RES)/(?P<n>.+)$", 0, "SC"),
)


def _normalize_number(number: str) -> str:
    """"217A (III)" -> "217 A (III)", "1325(2000)" -> "1325 (2000)", spaces collapsed."""
    n = " ".join(number.split())
    n = re.sub(r"^(\d+)\s?([A-Z])\s?\(", r"\1 \2 (", n)
    n = re.sub(r"(?<=\d)\(", " (", n)
    return n


def parse_symbol(symbol: str) -> Optional[tuple[str, str, str]]:
    """(body, kind, number) of a resolution/decision symbol, or None."""
    s = symbol.strip()
    for pattern, flags, body in _SYMBOL_FORMS:
        m = _re(pattern, flags).match(s)
        if m:
            kind = "decision" if m.group(1).upper() == "DEC" else "resolution"
            return body, kind, _normalize_number(m.group("n"))
    return None


def make_symbol(body: str, kind: str, number: str) -> str:
    nature = "DEC" if kind == "decision" else "RES"
    prefix = {"GA": "A", "HRC": "A/HRC", "CHR": "E/CN.4", "SUB": "E/CN.4/SUB.2",
              "ECOSOC": "E", "SC": "S"}[body]
    return f"{prefix}/{nature}/{number}"


def _sort_key(e: Entry) -> tuple:
    """Body, kind, then the number's parts in numeric order."""
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[A-Z]+", e.number))
    return BODY_CODES.index(e.body) if e.body in BODY_CODES else 99, e.kind, parts, e.number, e.symbol


# --------------------------------------------------------------------------
# Reading and writing
# --------------------------------------------------------------------------

def _row_entry(row: dict[str, str], default_source: str) -> Optional[Entry]:
    symbol = (row.get("symbol") or "").strip()
    parsed = parse_symbol(symbol) if symbol else None
    body = (row.get("body") or "").strip().upper() or (parsed[0] if parsed else "")
    body = BODY_NAMES.get(row.get("body", "").strip(), body)
    number = _normalize_number(row.get("number") or "") or (parsed[2] if parsed else "")
    if not symbol or not body or not number:
        return None
    if parsed and parsed[0] != body and body in ("CHR", "SUB") and parsed[0] in ("CHR", "SUB"):
        body = parsed[0]
    date = (row.get("date") or "").strip()
    if date and not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        date = _iso_from_text(date) or ""
    return Entry(symbol, body, number, date, (row.get("title") or "").strip(),
                 (row.get("source") or "").strip() or default_source)


def read_csv(path: Path) -> list[Entry]:
    """Entries of a registry CSV (the shipped one, or a user's extra file)."""
    import csv
    import io

    text = Path(path).read_text(encoding="utf-8-sig")
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        e = _row_entry(row, Path(path).name)
        if e is not None:
            out.append(e)
    return out


def write_csv(entries: Iterable[Entry], path: Path) -> int:
    import csv
    import io

    rows = sorted(entries, key=_sort_key)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for e in rows:
        w.writerow([e.symbol, e.body, e.number, e.date, e.title, e.source])
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(buf.getvalue().encode("utf-8"))
    return len(rows)


# --------------------------------------------------------------------------
# Lookup
# --------------------------------------------------------------------------

class Registry:
    """Entries by (body, kind, number). Rows are kept as plain tuples and made into
    ``Entry`` objects when looked up: a lint looks up a handful of its 3,000."""

    def __init__(self, entries: Iterable[Entry] = (), rows: Optional[dict[tuple[str, str, str], tuple]] = None):
        self._rows: dict[tuple[str, str, str], tuple] = dict(rows or {})
        for e in entries:
            self._rows[e.key] = _row(e)   # later files override earlier ones
        self._made: dict[tuple[str, str, str], Entry] = {}
        # Answers of ``get``: a document looks the same numbers up for several rules.
        self._answers: dict[tuple, Optional[Entry]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def _entry(self, key: tuple[str, str, str]) -> Optional[Entry]:
        e = self._made.get(key)
        if e is None:
            row = self._rows.get(key)
            if row is None:
                return None
            e = self._made[key] = Entry(*row)
        return e

    def get(self, body: Optional[str], kind: str, number: str, exact: bool = False) -> Optional[Entry]:
        """The entry for ``number``; without a body only an unambiguous match.

        A lettered citation ("34/83 A") falls back to the plain number and a
        plain one to the single lettered entry of that number ("68/247" ->
        "68/247 A") only when there is exactly one; ``exact`` turns both off
        (parts A and B of a resolution may be adopted months apart).
        """
        query = (body, kind, number, exact)
        if query in self._answers:
            return self._answers[query]
        answer = self._answers[query] = self._get(body, kind, number, exact)
        return answer

    def _get(self, body: Optional[str], kind: str, number: str, exact: bool) -> Optional[Entry]:
        kind = kind.rstrip("s").lower()
        bodies = [_body_code(body)] if body else list(BODY_CODES)
        number = _normalize_number(number)
        if exact:
            found = [e for b in bodies if b for e in [self._entry((b, kind, number))] if e is not None]
        else:
            found = [e for b in bodies if b for e in self._candidates(b, kind, number)]
        return found[0] if len(found) == 1 else None

    def _candidates(self, body: str, kind: str, number: str) -> list[Entry]:
        e = self._entry((body, kind, number))
        if e is not None:
            return [e]
        m = re.fullmatch(r"(.+?) [A-Z](?: (?:and|to) [A-Z])?", number)
        if m and "(" not in number:
            e = self._entry((body, kind, m.group(1)))
            return [e] if e is not None else []
        if "(" not in number:
            lettered = [self._entry(key) for key in self._rows
                        if key[0] == body and key[1] == kind and re.fullmatch(re.escape(number) + r" [A-Z]", key[2])]
            return lettered if len(lettered) == 1 else []
        return []


def _body_code(body: Optional[str]) -> Optional[str]:
    if body is None:
        return None
    if body in BODY_CODES:
        return body
    if body.startswith("Sub-Commission"):
        return "SUB"
    return BODY_NAMES.get(body, {"ECOSOC": "ECOSOC"}.get(body.upper()))


def _file_key(paths: Iterable[Path]) -> tuple[tuple[str, float], ...]:
    out = []
    for p in paths:
        p = Path(p)
        try:
            out.append((str(p.resolve()), p.stat().st_mtime))
        except OSError:
            out.append((str(p), -1.0))
    return tuple(out)


def load_registry(extra_files: Iterable[Path] = ()) -> Registry:
    """The shipped registry extended by ``extra_files`` (cached per process)."""
    return _load(_file_key(extra_files))


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, float], ...]) -> Registry:
    rows = _read_cached(DATA_PATH) if DATA_PATH.is_file() else {}
    for path, mtime in files:
        if mtime < 0:
            raise FileNotFoundError(f"registry file not found: {path}")
        rows.update(_read_cached(Path(path)))   # later files override earlier ones
    return Registry(rows=rows)


def _row(e: Entry) -> tuple:
    return (e.symbol, e.body, e.number, e.date, e.title, e.source)


def _read_cached(path: Path) -> dict[tuple[str, str, str], tuple]:
    """``read_csv`` through the cross-run cache, keyed by the file's bytes, as rows by
    key: parsing the shipped table takes longer than an editor's whole lint of one
    draft, and plain tuples unpickle several times faster than ``Entry`` objects."""
    from checker.rules import cache

    data = path.read_bytes()
    key = cache.key_for([(str(path), data)])
    rows = cache.load("registry-rows", key)
    if isinstance(rows, dict):
        return rows
    rows = {e.key: _row(e) for e in read_csv(path)}
    cache.store("registry-rows", key, rows)
    return rows


def lookup(citation: Any, body: Optional[str] = None, kind: Optional[str] = None,
           extra_files: Iterable[Path] = ()) -> Optional[Entry]:
    """The registry entry for a ``Citation`` or a number string ("60/251").

    Used by the language server's hover; ``body`` is a body name or code.
    """
    if isinstance(citation, str):
        number, kind = citation, kind or "resolution"
    else:
        number, kind = citation.number, kind or citation.kind
    return load_registry(extra_files).get(body, kind, number)


# --------------------------------------------------------------------------
# Building the shipped table
# --------------------------------------------------------------------------

_DATE_TEXT = r"(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})"


def _iso_from_text(text: str) -> Optional[str]:
    m = _re(_DATE_TEXT).search(text)
    if not m:
        return None
    month = _MONTH_NO.get(m.group(2).lower())
    if month is None:
        return None
    import datetime as _dt
    try:
        return _dt.date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None


_GA_ADOPTED = r"Resolution adopted by the General Assembly\s+on\s+(\d{1,2} [A-Z][a-z]+ \d{4})"
_GA_NUMBER = r"(?m)^(?P<s>[1-9]\d|S-\d{1,2}|ES-\d{1,2})/(?P<n>[1-9]\d{0,3})(?: (?P<l>[A-Z]))?\.\s+(?P<t>\S.*)$"
_GA_SYMBOL = r"(?m)^A/RES/(?P<s>[1-9]\d|S-\d{1,2}|ES-\d{1,2})/(?P<n>[1-9]\d{0,3})\s*$"
_DATE_WORDS = r"(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
# "Resolution 892 (1993) of 22 December 1993", "Resolution 242 (1967)\nof 22 November 1967",
# "101 (1953). Resolution of 24 November 1953", "1 (1946) Resolution of 25 January 1946"
_SC_HEAD = (r"(?m)^(?:(?i:Resolution)\s+(?P<n>[1-9]\d{0,3})\s*\((?P<y>(?:19|20)\d\d)\)(?:\s+of\s+" + _DATE_WORDS + ")?"
            r"|(?P<n2>[1-9]\d{0,3})\s*\((?P<y2>(?:19|20)\d\d)\)\.?\s+Resolution\s+of\s+" + _DATE_WORDS + ")")
# "Adopted by the Security Council at its 4653rd meeting,\non 4 December 2002"
_SC_ADOPTED = r"Adopted by the Security Council at its [^,]{1,40} meeting,\s+on\s+" + _DATE_WORDS


def entries_from_text(text: str, name: str) -> list[Entry]:
    """The adopted resolution a corpus text holds, read from its own header."""
    head = text[:4000]
    source = f"corpus:{name}"
    m = _re(_GA_ADOPTED).search(head)
    if m:
        num = _re(_GA_NUMBER).search(head, m.end())
        iso = _iso_from_text(m.group(1))
        if num and iso:
            title_lines = [num["t"].strip()]
            rest = head[num.end():].split("\n")
            for line in rest[1:]:   # rest[0] is the end of the number line
                if not line.strip():
                    break
                title_lines.append(line.strip())
            number = f"{num['s']}/{num['n']}" + (f" {num['l']}" if num["l"] else "")
            return [Entry(make_symbol("GA", "resolution", number), "GA", number, iso,
                          " ".join(title_lines), source)]
        sym = _re(_GA_SYMBOL).search(head, 0, m.start())
        if sym and iso:  # the "79/9. Title" line is missing: the masthead symbol gives the number
            number = f"{sym['s']}/{sym['n']}"
            return [Entry(make_symbol("GA", "resolution", number), "GA", number, iso, "", source)]
        return []
    m = _re(_SC_HEAD).search(head)
    if m:
        n, y = (m["n"], m["y"]) if m["n"] else (m["n2"], m["y2"])
        date = m.group(3) or m.group(6)
        if date is None:
            a = _re(_SC_ADOPTED).search(head, m.end(), m.end() + 300)
            date = a.group(1) if a else None
        iso = _iso_from_text(date) if date else None
        if iso and iso[:4] == y:
            number = f"{int(n)} ({y})"
            return [Entry(make_symbol("SC", "resolution", number), "SC", number, iso, "", source)]
    return []


_TABLE_BODIES = (("General Assembly", "GA"), ("Human Rights Council", "HRC"),
                 ("Commission on Human Rights", "CHR"), ("Economic and Social Council", "ECOSOC"),
                 ("Security Council", "SC"))


def entries_from_drafting(md: str) -> list[Entry]:
    """Rows of the verified tables of un-drafting.md §5.4."""
    start = md.find("### 5.4")
    if start < 0:
        return []
    end = md.find("\n## ", start)
    section = md[start:end if end > 0 else len(md)]
    body: Optional[str] = None
    has_title = False
    out: list[Entry] = []
    for line in section.splitlines():
        hm = re.match(r"^\*\*(.+?)\*\*", line)
        if hm:
            body = next((code for name, code in _TABLE_BODIES if hm.group(1).startswith(name)), None)
            continue
        if re.match(r"^\|\s*Number\s*\|", line):   # the header row: is the third column a title?
            has_title = "title" in line.split("|")[3].lower()
            continue
        if body is None or not line.startswith("|") or re.match(r"^\|\s*---", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3:
            continue
        iso = _iso_from_text(cells[1])
        if iso is None:
            continue
        title = cells[2] if has_title and len(cells) >= 4 else ""
        if title.startswith("(") or title in ("–", "-"):
            title = ""
        key = cells[-1]
        for row_body, kind, number in _table_numbers(body, cells[0]):
            out.append(Entry(make_symbol(row_body, kind, number), row_body, number, iso, title,
                             f"un-drafting.md §5.4 ({key})"))
    return out


def _table_numbers(body: str, cell: str) -> Iterator[tuple[str, str, str]]:
    """"1987/37, 1987/38, 1987/40", "decision 1/105", "69/96 A–B", "Sub-Commission 1991/35"."""
    for item in re.split(r",\s*", cell):
        item = item.strip()
        b, kind = body, "resolution"
        if item.startswith("Sub-Commission "):
            b, item = "SUB", item[len("Sub-Commission "):]
        if item.startswith("decision "):
            kind, item = "decision", item[len("decision "):]
        rng = re.fullmatch(r"(.+?) ([A-Z])[\u2013-]([A-Z])", item)
        if rng:
            for c in range(ord(rng.group(2)), ord(rng.group(3)) + 1):
                yield b, kind, f"{rng.group(1)} {chr(c)}"
        else:
            yield b, kind, _normalize_number(item)


def build_registry(corpus_dirs: Optional[Iterable[Path]] = None, drafting_md: Optional[Path] = None,
                   out_path: Optional[Path] = None, registry_csvs: Optional[Iterable[Path]] = None) -> int:
    """Rebuild the registry CSV; returns the number of rows written.

    ``corpus_dirs`` (default ``../shared/corpus/real``) are searched for
    adopted texts (``*.txt``) and, at their top level, a ``registry.csv``;
    ``registry_csvs`` adds further CSVs in the corpus format.
    """
    dirs = [Path(d) for d in (corpus_dirs if corpus_dirs is not None else [DEFAULT_CORPUS])]
    drafting = Path(drafting_md) if drafting_md is not None else DEFAULT_DRAFTING
    out = Path(out_path) if out_path is not None else DATA_PATH
    csvs = [Path(p) for p in (registry_csvs or [])] + [d / "registry.csv" for d in dirs if (d / "registry.csv").is_file()]

    chosen: dict[str, Entry] = {}

    def add(entries: Iterable[Entry]) -> None:
        for e in entries:
            chosen.setdefault(e.symbol, e)   # first source wins

    for d in dirs:
        for path in sorted(d.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            add(entries_from_text(text, path.relative_to(d).as_posix()))
    for path in csvs:
        rows = read_csv(path)
        name = path.name if len(dirs) != 1 or path.parent != dirs[0] else f"corpus:{path.name}"
        add(Entry(e.symbol, e.body, e.number, e.date, e.title,
                  name if e.source == path.name else e.source) for e in rows)
    if drafting.is_file():
        add(entries_from_drafting(drafting.read_text(encoding="utf-8")))
    n = write_csv(chosen.values(), out)
    _load.cache_clear()
    return n
