"""The pipeline's tokenizer: input preparation, and a guard for very long runs without white space.

spaCy strips prefixes and suffixes from a "word" one at a time, each by a regex search over
what is left, so a run of thousands of quotation marks or dashes takes quadratic time. Runs
longer than `max_run` are cut into pieces of `max_run` characters instead; everything else
is tokenised by spaCy as usual, and the doc's text is the input, character for character.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex
from spacy.language import Language
from spacy.language import create_tokenizer as spacy_tokenizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from release_nlp.core.docindex import remember_text
from release_nlp.io.prepare import MAX_CHARS, Prepared, prepare_input
from release_nlp.nlp import extensions
from release_nlp.readers.roles import vocabulary

TOKENIZER = "release_nlp.tokenizer.v1"
MAX_RUN = 200  # longest white-space-free run spaCy tokenises; longer ones are cut (see GuardedTokenizer)
extensions.register()


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


class PreparingTokenizer:
    """The pipeline's tokenizer: prepares the input as `extract` does, then tokenises it with the guard.

    `nlp(text)` and `nlp.pipe(texts)` thereby read Markdown blanked and an HTML page's main content, with
    the page's date as a hint, exactly like `release_nlp.extract(text)`. Registered in spaCy's registry
    (`release_nlp.tokenizer.v1`), so a pipeline saved with `nlp.to_disk` comes back from `spacy.load` with
    its preparation, its guard and its size limit.
    """

    def __init__(self, guarded: GuardedTokenizer, max_chars: int = MAX_CHARS) -> None:
        self.guarded = guarded
        self.max_chars = max_chars

    def __call__(self, text: str) -> Doc:
        """Prepare (format sniffed) and tokenise `text`."""
        return self.tokenize_prepared(prepare_input(text, "auto", self.max_chars))

    def tokenize_prepared(self, prepared: Prepared, published: str | None = None) -> Doc:
        """The doc of text already prepared; `published` (ISO) overrides the date the page's markup gave."""
        return doc_of(self.guarded, prepared, published)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Serialisation (to_disk, to_bytes, ...) and settings are spaCy's tokenizer's, inside the guard.
        if name in ("guarded", "max_chars"):
            raise AttributeError(name)
        return getattr(self.guarded, name)


def guarded_text_tokenizer(tokenizer: Any) -> Callable[[str], Doc]:
    """What tokenises text that is already prepared: the guard inside our tokenizer, else `tokenizer` itself."""
    return tokenizer.guarded if isinstance(tokenizer, PreparingTokenizer) else tokenizer


def create_tokenizer(max_run: int = MAX_RUN, max_chars: int = MAX_CHARS) -> Callable[[Language], PreparingTokenizer]:
    """The language's spaCy tokenizer, guarded and preparing its input; raises `nlp.max_length` to match.

    Our size limit (`max_chars`) is checked as the input is prepared; spaCy's own limit (1M characters)
    guards the memory of the statistical components, which here never see more than
    `partial.MAX_PART_TOKENS` tokens at once.
    """

    def create(nlp: Language) -> PreparingTokenizer:
        return protect(nlp, spacy_tokenizer()(nlp), max_run, max_chars)

    return create


registry.tokenizers.register(TOKENIZER, func=create_tokenizer)


def protect(nlp: Language, tokenizer: Tokenizer, max_run: int, max_chars: int) -> PreparingTokenizer:
    """`tokenizer` (its rules as loaded) guarded and preparing its input, with `nlp.max_length` raised to match."""
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    keep_style_abbreviations(tokenizer)
    return PreparingTokenizer(GuardedTokenizer(tokenizer, max_run), max_chars)


def keep_style_abbreviations(tokenizer: Tokenizer) -> None:
    """`Col.`, `Lt.`, `Sens.`, `Hon.` as one token, as spaCy already keeps `Gen.`, `Gov.` and `Rep.`.

    Split in two, the stop reads as a sentence's end: "Lt. Col. Ana Ruiz" lost the name to the
    recogniser and "Sgt. Maj." its compound rank. The styles are those of `models/titles.json`.
    """
    vocab = vocabulary()
    for style in (*vocab.styles, *vocab.honorifics, *vocab.plural_styles):
        if style.endswith(".") and style[:-1].isalpha() and len(style) > 2:
            tokenizer.add_special_case(style[:1].upper() + style[1:], [{ORTH: style[:1].upper() + style[1:]}])


def doc_of(tokenize: Callable[[str], Doc], prepared: Prepared, published: str | None = None) -> Doc:
    """The doc of prepared text, with hints for the structure reader and the output.

    Hints: the issue date (`published`, ISO, else the one the page's markup gave), and whether the text was
    extracted from the input (HTML), in which case offsets point into the extracted text, which the output
    then carries.
    """
    doc = tokenize(prepared.text)
    hints: dict[str, Any] = {}
    date = published or (prepared.published[:10] if prepared.published else None)
    if date:
        hints["published"] = date
    if prepared.extracted:
        hints["extracted"] = True
    if hints:
        doc._.release_hints = hints
    return doc
