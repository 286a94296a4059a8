"""Page segmentation: the main article, its credits, and the teasers of other articles.

Opinion and news pages often carry, after the article, a credit block (author bio, translator,
wire credits) followed by the opening paragraphs of other articles, cut off mid-sentence. Coding
those as part of the article would attribute other stories' events to it, and coding the credits
would turn "X is a former deputy director of the ministry" into actor mentions. So:

1. The text is split into paragraphs (lines, or blank-line separated blocks when the text is
   hard-wrapped).
2. Credit paragraphs are recognised (:mod:`dyadwatch.ingest.credits`). A run of them closes the
   main article when the evidence is good: a strong credit (translator, wire credits, copyright,
   a "Related"-type heading), or a weak one (an author bio) that ends the page or is followed by
   a short run (at most 8) of paragraphs that mostly stop mid-sentence, the last one included.
   A weak credit without such evidence is article text.
3. After the closing block, a run of paragraphs that ends in its own credit block is another full
   article (``<id>#article-N``); the remaining paragraphs are teasers, one document each
   (``<id>#teaser-N``, ``truncated=True``).
4. A standalone byline at the top ("By Jane Roe") is moved to metadata too.

A page with no credits comes back as the one document it was, untouched. When credits are found
but no other article follows, the result is still one document with the page's id. Each part's
``text`` is an exact slice of the page text; ``metadata["page_span"]`` says where (``start-end``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from dyadwatch.ingest.credits import (
    AUTHOR,
    Credit,
    ends_mid_sentence,
    is_section_marker,
    parse_byline,
    parse_credit,
)
from dyadwatch.model import Document

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HARD_WRAP_MAX = 120  # longest line of a text that is hard-wrapped at a fixed width
_HEADLINE_MAX_WORDS = 20
_MAX_TEASERS = 8  # a longer run after a weak credit is more of the article, not a teaser list
HEADLINE = "headline"  # a pseudo-credit: the line above a byline, used as title
_LIST_KEYS = frozenset({"author", "translator", "reporter", "editor", "writer"})


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Block:
    """A run of consecutive credit/heading paragraphs: paragraphs[first:last + 1]."""

    first: int
    last: int
    credits: tuple[Credit, ...]
    has_marker: bool

    @property
    def has_credit(self) -> bool:
        return bool(self.credits)

    @property
    def strong(self) -> bool:
        return self.has_marker or any(c.strong for c in self.credits)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with their offsets; one per line unless the text is hard-wrapped."""
    lines = text.split("\n")
    hard_wrapped = _BLANK_LINE.search(text) is not None and max(map(len, lines)) <= _HARD_WRAP_MAX
    pieces = _BLANK_LINE.finditer(text) if hard_wrapped else re.finditer(r"\n", text)
    paragraphs: list[Paragraph] = []
    start = 0
    for separator in [*pieces, None]:
        end = separator.start() if separator else len(text)
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            paragraphs.append(Paragraph(start + lead, start + trail, chunk.strip()))
        start = separator.end() if separator else len(text)
    return paragraphs


def segment_page(doc: Document) -> list[Document]:
    """Split a page into its main article, further full articles and teasers (see module doc)."""
    paragraphs = split_paragraphs(doc.text)
    head, top_credits = _byline(paragraphs)
    blocks = _credit_blocks(paragraphs, head)
    closing = next((b for b in blocks if _closes_article(b, blocks, paragraphs)), None)
    if closing is None:
        if not top_credits:
            return [doc]
        return [_part(doc, paragraphs[head:], top_credits, doc.id, None, "main")]
    main = paragraphs[head : closing.first]
    main_credits = top_credits + list(closing.credits)
    tail_blocks = [b for b in blocks if b.first > closing.last]
    pieces = _tail_pieces(paragraphs, closing.last + 1, tail_blocks)
    if not pieces:
        return [_part(doc, main, main_credits, doc.id, None, "main")]
    parts = [_part(doc, main, main_credits, f"{doc.id}#main", doc.id, "main")]
    articles = teasers = 0
    for run, credits in pieces:
        if credits is not None:
            articles += 1
            part_id = f"{doc.id}#article-{articles + 1}"
            parts.append(_part(doc, run, credits, part_id, doc.id, "article"))
        else:
            for paragraph in run:
                teasers += 1
                part_id = f"{doc.id}#teaser-{teasers}"
                parts.append(_part(doc, [paragraph], [], part_id, doc.id, "teaser"))
    return parts


def _byline(paragraphs: list[Paragraph]) -> tuple[int, list[Credit]]:
    """(index of the first article paragraph, byline credits) for a byline in the first two."""
    for index in range(min(2, len(paragraphs) - 1)):
        credits = parse_byline(paragraphs[index].text)
        if credits is None:
            continue
        if index == 1 and not _is_headline(paragraphs[0].text):
            return 0, []
        if index == 1:
            credits = [Credit(HEADLINE, paragraphs[0].text), *credits]
        return index + 1, credits
    return 0, []


def _is_headline(text: str) -> bool:
    return len(text.split()) <= _HEADLINE_MAX_WORDS and not text.rstrip().endswith(".")


def _credit_blocks(paragraphs: list[Paragraph], head: int) -> list[_Block]:
    """Runs of credit or section-heading paragraphs that have article text before them."""
    blocks: list[_Block] = []
    current: list[tuple[int, list[Credit] | None]] = []
    for index in range(head, len(paragraphs) + 1):
        found: list[Credit] | None = None
        marker = False
        if index < len(paragraphs) and index > head:
            text = paragraphs[index].text
            found = parse_credit(text)
            marker = found is None and is_section_marker(text)
        if found is not None or marker:
            current.append((index, found))
            continue
        if current:
            credits = tuple(c for _, group in current for c in group or [])
            has_marker = any(group is None for _, group in current)
            blocks.append(_Block(current[0][0], current[-1][0], credits, has_marker))
            current = []
    return blocks


def _closes_article(block: _Block, blocks: list[_Block], paragraphs: list[Paragraph]) -> bool:
    """Whether the layout confirms that this block ends an article (see module doc, step 2).

    A weak block needs the page to end in credits, or in a short run of paragraphs after the
    last credit block that mostly stop mid-sentence, the final one included: a teaser list.
    """
    if block.strong:
        return True
    last = max((b.last for b in blocks if b.first > block.last), default=block.last)
    run = paragraphs[last + 1 :]
    if not run:
        return True
    cut = sum(ends_mid_sentence(p.text) for p in run)
    return len(run) <= _MAX_TEASERS and 2 * cut >= len(run) and ends_mid_sentence(run[-1].text)


def _tail_pieces(
    paragraphs: list[Paragraph], start: int, blocks: list[_Block]
) -> list[tuple[list[Paragraph], list[Credit] | None]]:
    """Runs of paragraphs after the main article, with the credits that close each run.

    ``None`` instead of credits marks a run that no credit block closes: its paragraphs are
    teasers. After the closing block every credit-like paragraph is taken as a credit.
    """
    pieces: list[tuple[list[Paragraph], list[Credit] | None]] = []
    position = start
    for block in blocks:
        run = paragraphs[position : block.first]
        if run:
            pieces.append((run, list(block.credits) if block.has_credit else None))
        position = block.last + 1
    if paragraphs[position:]:
        pieces.append((paragraphs[position:], None))
    return pieces


def _part(
    page: Document,
    paragraphs: list[Paragraph],
    credits: list[Credit],
    part_id: str,
    parent_id: str | None,
    role: str,
) -> Document:
    start, end = paragraphs[0].start, paragraphs[-1].end
    text = page.text[start:end]
    headline = next((c.value for c in credits if c.key == HEADLINE), None)
    credits = [c for c in credits if c.key != HEADLINE]
    if role == "main":
        metadata = _with_credits(dict(page.metadata), credits)
        title = page.title if page.title is not None else headline
    else:
        metadata = _with_credits({}, credits)
        title = None
    if parent_id is not None or role != "main" or (start, end) != (0, len(page.text)):
        metadata["page_span"] = f"{start}-{end}"
    if role != "main":
        metadata["part"] = role
    truncated = page.truncated if role == "main" else role == "teaser"
    if role == "teaser" and ends_mid_sentence(text):
        metadata["cut_mid_sentence"] = "true"
    return dataclasses.replace(
        page,
        id=part_id,
        text=text,
        title=title,
        url=page.url if role == "main" else None,
        truncated=truncated,
        parent_id=parent_id if parent_id is not None else page.parent_id,
        metadata=metadata,
    )


def _with_credits(metadata: dict[str, str], credits: list[Credit]) -> dict[str, str]:
    """Merge credits into metadata; people lists join with '; ', prose with a newline."""
    for credit in credits:
        separator = "; " if credit.key in _LIST_KEYS else "\n"
        values = credit.names if credit.key == AUTHOR and credit.names else (credit.value,)
        existing = metadata.get(credit.key)
        present = existing.split(separator) if existing else []
        for value in values:
            if value not in present:
                present.append(value)
        metadata[credit.key] = separator.join(present)
    return metadata
