"""Matrix products of the statistical components through numpy's BLAS rather than thinc's BLIS.

thinc multiplies matrices with the BLIS it bundles, which picks its kernels by the processor's identity.
Virtual machines often hide it (cloud machines, this project's CI: an "AMD EPYC" with AVX-512), and BLIS
then falls back to its portable reference kernels: 3.4 times slower than numpy's OpenBLAS on the
recogniser's products here, a third of the recogniser's time. thinc's own `NumpyOps(use_blis=False)`
sends them through numpy, whose BLAS chooses its kernels by the instructions the processor has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.util import registry
from thinc.api import NumpyOps

CALLBACK = "release_nlp.numpy_blas.v1"


def use_numpy_blas(nlp: Language, components: Iterable[str]) -> None:
    """Make the named components' models multiply matrices with numpy; absent names are skipped."""
    ops = NumpyOps(use_blis=False)
    for name in components:
        if name not in nlp.component_names:
            continue
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None:
            continue
        for node in model.walk():
            node.ops = ops


def create_numpy_blas(components: list[str]) -> Callable[[Language], Language]:
    """An `after_pipeline_creation` callback: the setting is in the pipeline's config, so `spacy.load` keeps it."""

    def apply(nlp: Language) -> Language:
        use_numpy_blas(nlp, components)
        return nlp

    return apply


registry.callbacks.register(CALLBACK, func=create_numpy_blas)
