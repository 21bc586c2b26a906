"""The Markdown inline escaper: user text that shows literally and never changes a document.

Every piece of user text in the minutes, the practice journal and the Markdown agenda (topic,
group, names, notes, contract, actions, learnings, evaluation, script and phase titles) goes
through `escape_inline`, so it shows literally and can never change the document's structure;
a CommonMark parser with the table extension (markdown-it-py's
`MarkdownIt("commonmark").enable("table")`) gives the exact text back:

* the punctuation that is markup is backslash-escaped: `\\ ` * _ [ ] < > | & ~ #` wherever
  they are, and a leading `-`, `+`, `=` or the `.`/`)` of a leading `1.`; so Markdown, HTML,
  `|` in table cells, backticks and `[bold]` are plain text, while the rest of the punctuation
  (`'`, `?`, `:`, `,`, `-` inside a word...) stays as typed and the raw file reads well;
* whitespace Markdown would fold or strip is written as a numeric character reference: line
  breaks (`&#10;`, `&#13;`), tabs (`&#9;`), form feeds, U+2028/U+2029, every space of a run of
  two or more and a space at either end (`&#32;`), and any other Unicode space at either end
  (e.g. `&#160;`), so each text stays on one line;
* the other control characters would act on a terminal showing the file (`cat minutes.md`:
  ESC starts a sequence, U+009B is one) and parsers refuse them as references (markdown-it
  turns `&#27;` into U+FFFD): a C0 control and DEL are written as their Unicode pictures
  (`␛` for ESC, `␀` for NUL, `␇` for BEL, U+2400 + the code; `␡`), a C1 control
  (U+0080–U+009F) as U+FFFD (`�`), which the parser gives back as such.

U+FFFD also stands for lone surrogates (they cannot even be encoded in UTF-8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from codev_tui.core.visible import CONTROLS

__all__ = ["escape_inline", "table_row"]

# Punctuation that is markup wherever it stands (emphasis, code, links, HTML, entities, table
# cells, strikethrough, heading marks). The backslash comes first: the escapes added for the
# others must not be escaped again.
_MARKUP = "\\`*_[]<>|&~#"
_PUNCT_ESCAPES = tuple((c, "\\" + c) for c in _MARKUP)
# Markup only at the start of a text: a list item, a thematic break, a setext underline, an
# ordered list (`1.` or `1)`).
_LEADING = re.compile(r"[-+=]|\d{1,9}[.)]")

# Characters written as a numeric reference wherever they are, or shown as a picture.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SPECIAL_REFS = tuple((c, f"&#{ord(c)};") for c in "\t\n\r\f\u2028\u2029")
# The other controls, which a terminal would obey (`cat minutes.md`) and parsers refuse as
# references: their pictures (`␛`), U+FFFD for C1; lone surrogates cannot even be encoded.
_PICTURED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    return CONTROLS.get(ord(match.group()), "\ufffd")


# Characters parsers strip at the start or end of a paragraph, heading or table cell: the
# union of Python's str.isspace (markdown-it-py 3 strips with it) and JavaScript's trim
# (markdown-it strips with it, U+FEFF included). A test checks this list against isspace().
_EDGE_SPACE = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)

_SPACE_RUN = re.compile(" {2,}")


def _space_refs(match: re.Match[str]) -> str:
    return "&#32;" * len(match.group())


def _edge(char: str) -> str:
    """A character at either end of a text, in a form no parser strips (the controls among
    the spaces, which parsers refuse as references, are pictures by then)."""
    return f"&#{ord(char)};" if char in _EDGE_SPACE else char


def escape_inline(text: str) -> str:
    """User text as Markdown inline content that a CommonMark parser reads back exactly.

    See the module docstring: ASCII punctuation is backslash-escaped, whitespace Markdown would
    fold or strip becomes a numeric character reference, the other control characters their
    pictures (U+FFFD for C1 controls and lone surrogates). The result never contains a line
    break or a control character, so it fits in a heading, a list item or a table cell, and
    `cat` shows it without the terminal acting on it.
    """
    if not text:
        return ""
    out = text
    # str.replace is several times faster than translate() or re.sub with a function here.
    for char, escaped in _PUNCT_ESCAPES:
        if char in out:
            out = out.replace(char, escaped)
    if (lead := _LEADING.match(out)) is not None:
        end = lead.end()
        out = f"{out[: end - 1]}\\{out[end - 1 :]}"
    if _SPECIAL.search(out):
        for char, ref in _SPECIAL_REFS:
            if char in out:
                out = out.replace(char, ref)
        if _PICTURED.search(out):
            out = _PICTURED.sub(_picture, out)
    if "  " in out:
        out = _SPACE_RUN.sub(_space_refs, out)
    # A space or any other Unicode space at either end: a reference, or U+FFFD.
    if out[-1] in _EDGE_SPACE:
        out = out[:-1] + _edge(out[-1])
    if out[0] in _EDGE_SPACE:
        out = _edge(out[0]) + out[1:]
    return out


def _cell(text: str) -> str:
    return text if text else " "


def table_row(cells: Iterable[str]) -> str:
    """A row of a Markdown table, its cells escaped already; a blank cell is a space."""
    # A space before every `|` keeps a trailing backslash of a cell from escaping the pipe.
    return "| " + " | ".join(_cell(c) for c in cells) + " |"
