"""Stage 4, resolve: link what a document refers to with what it points at.

``resolve(doc, registry_files)`` gives the document's ``Resolution``:

* ``citations``: each resolution or decision cited, with the organ whose text
  it is (``citations.py``);
* ``registry``: adoption dates to check those citations against (shipped
  data in ``checker/data/registry.csv`` and the project's own files,
  ``registry.py``);
* ``acronyms``: each acronym's definitions and uses (``acronyms.py``);
* ``paragraph_refs``: "paragraph 3 above" and the paragraph it points at
  (``references.py``).

Each part is worked out on first use and then shared by every rule run on the
document, so ``--select STR`` never pays for citations. ``complete()`` works
them all out at once (the benchmark times the stage that way).
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterable

from checker.model import Document


class Resolution:
    """What one document refers to, linked (see the module docstring)."""

    def __init__(self, doc: Document, registry_files: Iterable[str] = ()):
        self.doc = doc
        self.registry_files = tuple(registry_files)

    @cached_property
    def citations(self) -> list:
        from checker.resolve.citations import link_citations

        return link_citations(self.doc, self.doc.text_nodes())

    @cached_property
    def registry(self):
        from checker.resolve.registry import load_registry

        return load_registry(self.registry_files)

    @cached_property
    def acronym_texts(self):
        """The body texts that may hold an acronym (two capitals together), found once."""
        from checker.resolve.acronyms import AcronymTexts

        return AcronymTexts(self.doc)

    @cached_property
    def acronyms(self):
        from checker.resolve.acronyms import index_acronyms

        return index_acronyms(self.doc, self.acronym_texts)

    @cached_property
    def paragraph_refs(self) -> list:
        from checker.resolve.references import find_paragraph_refs

        if self.doc.kind in ("amendment", "not-a-resolution"):
            return []  # an amendment quotes the paragraphs of another draft
        return list(find_paragraph_refs(self.doc.text_nodes()))

    def complete(self) -> "Resolution":
        """Work out every part now (a registry is loaded only if something is cited)."""
        if self.citations:
            _ = self.registry
        _ = self.acronyms, self.paragraph_refs
        return self


def resolve(doc: Document, registry_files: Iterable[str] = ()) -> Resolution:
    return Resolution(doc, registry_files)
