"""Coarse word classes from the tagger's Penn Treebank tags.

Reading `token.tag_` directly lets the pipeline drop the attribute ruler (which only maps
tags to `token.pos_`, and costs more than our own components together).
"""

from __future__ import annotations

from spacy.tokens import Token


def closes_phrase(token: Token | None) -> bool:
    """Nothing that continues a noun phrase: the end of the text, punctuation, a function word, a line break.

    Lexical, so it needs no tagger: `the Amazon basin, ...`, `a NAP Champion in ...`.
    """
    return token is None or token.is_punct or token.is_stop or token.is_space


def is_noun(token: Token) -> bool:
    """NN, NNS, NNP, NNPS."""
    return token.tag_.startswith("NN")


def is_proper_noun(token: Token) -> bool:
    """NNP, NNPS."""
    return token.tag_ in ("NNP", "NNPS")


def is_adjective(token: Token) -> bool:
    """JJ, JJR, JJS."""
    return token.tag_.startswith("JJ")


def is_participle(token: Token) -> bool:
    """`displaced`, `affected`, `remaining`: VBN and VBG modify a counted noun."""
    return token.tag_ in ("VBN", "VBG")


def is_verb(token: Token) -> bool:
    """Any VB* tag."""
    return token.tag_.startswith("VB")


def is_adverb(token: Token) -> bool:
    """RB, RBR, RBS."""
    return token.tag_.startswith("RB")
