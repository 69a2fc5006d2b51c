"""Project configuration: ``.reslint.yaml``.

Found by walking up from the linted file's folder to the filesystem root, or
given with ``--config``. Keys (``schemas/config.schema.json``)::

    rules: [extra rule files or folders]      # relative to the config file
    select: [CON, STR001]                     # codes, families, prefixes, ALL
    extend-select: [TRM002]
    ignore: [STY]
    severity: {CON001: error}
    per-file-ignores: {"drafts/old/*.txt": [SES]}
    fail-on: warning                          # error | warning | info
    options: {STR010: {max: 200}}
    registry: [data/extra-resolutions.csv]
    exclude: ["archive/**"]

Selection works like ruff's: a rule runs when the most specific selector that
matches it comes from select/extend-select rather than ignore (on a tie,
ignore wins). With no ``select``, every enabled rule is selected. A rule with
``enabled: false`` runs only when its exact code is selected.

Command-line overrides (``resolve_config(..., overrides)``): ``select`` and
``fail-on`` replace the file's value; ``extend-select``, ``ignore``,
``rules``, ``registry``, ``exclude`` add to it; ``severity``, ``options`` and
``per-file-ignores`` are merged over it. Paths given on the command line are
relative to the current directory.
"""

from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Optional

from checker.findings import SEVERITY_RANK
from checker.rules import cache
from checker.rules.errors import RuleFileError

CONFIG_NAMES = (".reslint.yaml", ".reslint.yml")


@dataclass
class Config:
    """The project's configuration (``.reslint.yaml``), merged with the command line."""
    path: Optional[Path] = None  # the config file, if any
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this folder
    rule_files: list[Path] = field(default_factory=list)
    select: Optional[list[str]] = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "warning"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    registry_files: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._selected: dict[tuple[str, bool], bool] = {}

    # -- selection -------------------------------------------------------
    def is_selected(self, code: str, enabled: bool = True) -> bool:
        key = (code, enabled)
        if key not in self._selected:
            self._selected[key] = self._decide(code, enabled)
        return self._selected[key]

    def _decide(self, code: str, enabled: bool) -> bool:
        chosen = list(self.extend_select)
        chosen += ["ALL"] if self.select is None else self.select
        if not enabled:  # opt-in rules: only by exact code
            chosen = [s for s in chosen if s == code]
        best_select = _specificity(code, chosen)
        best_ignore = _specificity(code, self.ignore)
        return best_select >= 0 and best_select > best_ignore

    def severity_for(self, code: str, default: str) -> str:
        best, level = -1, default
        for selector, value in self.severity.items():
            s = _specificity(code, [selector])
            if s > best:
                best, level = s, value
        return level

    def options_for(self, code: str) -> dict[str, Any]:
        return self.options.get(code, {})

    def fails(self, severity: str) -> bool:
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.fail_on]

    # -- files -----------------------------------------------------------
    def ignored_for_file(self, code: str, path: str) -> bool:
        if not self.per_file_ignores:
            return False
        rel = self._relative(path)
        for pattern, codes in self.per_file_ignores.items():
            if _glob_match(rel, pattern) and _specificity(code, codes) >= 0:
                return True
        return False

    def is_excluded(self, path: str) -> bool:
        rel = self._relative(path)
        return any(_glob_match(rel, pattern) for pattern in self.exclude)

    def _relative(self, path: str) -> str:
        return _relative_to(path, str(self.root))


@functools.lru_cache(maxsize=1024)  # asked once per rule and file: resolve the path once
def _relative_to(path: str, root: str) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def _specificity(code: str, selectors: list[str]) -> int:
    """Length of the longest selector matching ``code`` (ALL counts as 0), or -1."""
    best = -1
    for s in selectors:
        if s == "ALL":
            best = max(best, 0)
        elif code.startswith(s):
            best = max(best, len(s))
    return best


def _glob_match(rel: str, pattern: str) -> bool:
    """Globs match the path relative to the config folder; one without a
    slash also matches the bare file name (like .gitignore)."""
    if fnmatch.fnmatchcase(rel, pattern) or PurePosixPath(rel).match(pattern):
        return True
    if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(PurePosixPath(rel).name, pattern)


def find_config(start: Path) -> Optional[Path]:
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
    return None


def load_config_file(path: Path) -> dict[str, Any]:
    """The validated data of one config file (cached across runs)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(str(path), 1, 1, f"cannot read configuration: {exc.strerror or exc}") from None
    key = cache.key_for([("config", raw)])
    data = cache.load("config", key)
    if data is not None:
        return data
    from checker.rules.validate import validate
    from checker.rules.yamlfile import load_yaml

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(str(path), 1, 1, f"configuration is not UTF-8: {exc}") from None
    data, positions = load_yaml(path, text)
    if data is None:
        data = {}
    validate(data, positions, str(path), "config.schema.json")
    cache.store("config", key, data)
    return data


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def resolve_config(path: Path, explicit: Optional[Path] = None,
                   overrides: Optional[dict[str, Any]] = None) -> Config:
    """The configuration for linting ``path``: ``explicit`` if given, else the
    nearest ``.reslint.yaml`` above ``path``, with ``overrides`` (CLI flags) applied."""
    path = Path(path)
    start = Path.cwd() if str(path) in ("-", "") else path
    config_path = Path(explicit) if explicit is not None else find_config(start)
    data: dict[str, Any] = load_config_file(config_path) if config_path is not None else {}
    root = config_path.resolve().parent if config_path is not None else Path.cwd()
    config = Config(
        path=config_path, root=root,
        rule_files=[root / p for p in _as_list(data.get("rules"))],
        select=list(data["select"]) if "select" in data else None,
        extend_select=list(data.get("extend-select", [])),
        ignore=list(data.get("ignore", [])),
        severity=dict(data.get("severity", {})),
        per_file_ignores={k: list(v) for k, v in data.get("per-file-ignores", {}).items()},
        fail_on=data.get("fail-on", "warning"),
        options={k: dict(v) for k, v in data.get("options", {}).items()},
        registry_files=[root / p for p in _as_list(data.get("registry"))],
        exclude=_as_list(data.get("exclude")),
    )
    apply_overrides(config, overrides or {})
    return config


def apply_overrides(config: Config, overrides: dict[str, Any]) -> None:
    o = {k.replace("_", "-"): v for k, v in overrides.items() if v not in (None, [], (), {})}
    if "select" in o:
        config.select = list(o["select"])
    if "fail-on" in o:
        config.fail_on = o["fail-on"]
    config.extend_select += list(o.get("extend-select", []))
    config.ignore += list(o.get("ignore", []))
    config.rule_files += [Path(p).resolve() for p in _as_list(o.get("rules"))]
    config.registry_files += [Path(p).resolve() for p in _as_list(o.get("registry"))]
    config.exclude += _as_list(o.get("exclude"))
    config.severity.update(o.get("severity", {}))
    config.per_file_ignores.update(o.get("per-file-ignores", {}))
    for code, opts in o.get("options", {}).items():
        config.options[code] = {**config.options.get(code, {}), **opts}
    bad = [s for s in [*(config.select or []), *config.extend_select, *config.ignore, *config.severity]
           if not _valid_selector(s)]
    if bad:
        raise RuleFileError("<command line>", 1, 1, f"invalid rule selector '{bad[0]}'; "
                            "expected a code (CON001), a family (CON), a prefix (CON0) or ALL")
    if config.fail_on not in SEVERITY_RANK:
        raise RuleFileError("<command line>", 1, 1, f"invalid --fail-on '{config.fail_on}'")
    config._selected.clear()


def _valid_selector(s: str) -> bool:
    import re

    return bool(re.fullmatch(r"ALL|[A-Z]{1,3}|[A-Z]{3}[0-9]{1,3}", s))
