"""Inline pyparsing grammars: dates, document symbols, citations, sessions, terms."""
