"""A guard around spaCy's tokenizer for very long runs of characters without white space.

spaCy strips prefixes and suffixes from a "word" one at a time, each by a regex search over
what is left, so a run of thousands of quotation marks or dashes takes quadratic time. Runs
longer than `max_run` are cut into pieces of `max_run` characters instead; everything else
is tokenised by spaCy as usual, and the doc's text is the input, character for character.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from release_nlp.core.docindex import remember_text


class GuardedTokenizer:
    """spaCy's tokenizer, with long white-space-free runs split into fixed-size tokens."""

    def __init__(self, tokenizer: Tokenizer, max_run: int = 200) -> None:
        self.tokenizer = tokenizer
        self.max_run = max_run
        self.long_run = regex.compile(rf"\S{{{max_run + 1},}}")

    def __call__(self, text: str) -> Doc:
        """Tokenise `text`."""
        if not self.long_run.search(text):
            doc: Doc = self.tokenizer(text)
            remember_text(doc, text)  # spaCy's tokenizer is lossless
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for m in self.long_run.finditer(text):
            self._add(text[position:m.start()], words, spaces)
            run = m.group()
            for i in range(0, len(run), self.max_run):
                words.append(run[i:i + self.max_run])
                spaces.append(False)
            position = m.end()
            if position < len(text) and text[position] == " ":
                spaces[-1] = True
                position += 1
        self._add(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if not segment:
            return
        for token in self.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Serialisation (to_disk, to_bytes, ...) and settings are the wrapped tokenizer's.
        if name in ("tokenizer", "max_run", "long_run"):
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
