"""Fine-tune the English pipeline's entity recogniser for press releases and ship it as `models/ner`.

    python models/training/train.py            # what `make model` runs
    python models/training/train.py --validate --out /tmp/ner-try --epochs 5   # try a schedule

Starts from the base pipeline's recogniser weights (same architecture, same speed), adds the TITLE
label, and trains on the train split of `annotations/` (see `data.py`). Two guards against forgetting:
in the annotated documents, the base recogniser's own predictions for the labels we do not annotate
(dates, numbers, money, events, laws...) are kept as gold where they do not overlap ours; and
unannotated senate releases (never reserved ones) are mixed in with the base recogniser's
predictions as their only, partial annotation (everything else "missing", so they teach no TITLE
negatives). The weights saved are the optimizer's running averages, as spaCy's own training saves
them (`--last-step` saves the last update's instead). Seeded; one thread. The schedule (the defaults
below) is chosen with `--validate`, which holds one train document in five out and scores on it; the
test split is never used to choose.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import LABELS, REPO, SHARED, Document, documents, reserved, write_provenance

from release_nlp.nlp.pipeline import model_name

OUT = REPO / "models" / "ner"
SEED = 0
EPOCHS = 15
DROPOUT = 0.2
SILVER_DOCS = 300
KEEP = ("ner",)


def base_pipeline() -> Language:
    """The base pipeline's tokenizer and recogniser only (the name `release_nlp.load` would choose)."""
    name = model_name()
    nlp = spacy.load(name)
    for pipe in list(nlp.pipe_names):
        if pipe not in KEEP:
            nlp.remove_pipe(pipe)
    return nlp


def predicted(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def spans_of(doc: Doc, spans: tuple[tuple[int, int, str], ...]) -> list[Span]:
    """Character spans as token spans (expanded to whole tokens), dropping any that overlap one kept earlier."""
    kept: list[Span] = []
    taken: set[int] = set()
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or len(span) == 0 or taken.intersection(range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return kept


def gold_example(teacher: Language, doc: Document) -> Example:
    """An annotated document, with the teacher's predictions for labels we do not annotate kept as gold."""
    text = doc.text()
    reference = teacher.make_doc(text)
    ours = spans_of(reference, doc.spans)
    taken = {i for span in ours for i in range(span.start, span.end)}
    theirs = [Span(reference, e.start, e.end, label=e.label_) for e in predicted(teacher, text).ents
              if e.label_ not in LABELS and not taken.intersection(range(e.start, e.end))]
    reference.set_ents(sorted(ours + theirs, key=lambda s: s.start), default="outside")
    return Example(teacher.make_doc(text), reference)


def paragraphs(example: Example, tokenizer: Language) -> list[Example]:
    """A document's examples cut at line breaks: many small updates teach a new label; one per document did not."""
    reference = example.reference
    out, start = [], 0
    for token in reference:
        if "\n" in token.text or token.i == len(reference) - 1:
            if token.i + 1 - start > 2:
                part = reference[start:token.i + 1].as_doc()
                out.append(Example(tokenizer.make_doc(part.text), part))
            start = token.i + 1
    return out


def silver_examples(teacher: Language, annotated: set[str], count: int, rest: str = "missing",
                    seed: int = SEED) -> list[Example]:
    """Unannotated, unreserved senate releases with the teacher's predictions as partial annotation."""
    folder = SHARED / "corpus" / "senate"
    kept_back = reserved()
    paths = [p for p in sorted(folder.glob("*.txt")) if p.stem not in kept_back and f"senate/{p.stem}" not in annotated]
    random.Random(seed).shuffle(paths)
    out = []
    for path in paths[:count]:
        text = path.read_text(encoding="utf-8")
        if len(text) > 20_000:
            continue
        doc = predicted(teacher, text)
        reference = teacher.make_doc(text)
        # The base recogniser takes a leading "the" into names; our annotation leaves it out.
        spans = [Span(reference, e.start + (e[0].lower_ == "the" and len(e) > 1), e.end, label=e.label_)
                 for e in doc.ents]
        reference.set_ents(spans, default=rest)
        out.append(Example(teacher.make_doc(text), reference))
    return out


def train(examples: list[Example], student: Language, epochs: int = EPOCHS, seed: int = SEED) -> dict[str, Any]:
    ner = student.get_pipe("ner")
    ner.add_label("TITLE")  # type: ignore[attr-defined]
    optimizer = student.resume_training()
    rng = random.Random(seed)
    history = []
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.01)):
            student.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        history.append(round(losses.get("ner", 0.0), 1))
        print(f"epoch {epoch + 1:2d}  loss {losses.get('ner', 0.0):9.1f}", flush=True)
    return {"epochs": epochs, "losses": history, "optimizer": optimizer}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the weights go (default: models/ner)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--silver", type=int, default=SILVER_DOCS, help="unannotated senate releases to rehearse on")
    parser.add_argument("--silver-rest", choices=("missing", "outside"), default="missing",
                        help="what the rehearsal releases say of words the base recogniser left untagged")
    parser.add_argument("--seed", type=int, default=SEED, help="seeds the shuffles, dropout and rehearsal choice")
    parser.add_argument("--last-step", action="store_true",
                        help="save the last step's weights instead of the optimizer's running averages (the default, "
                             "as spaCy's own training saves them)")
    parser.add_argument("--validate", action="store_true",
                        help="hold one train document in five out, and score the trained weights on it")
    args = parser.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        raise SystemExit(f"the corpus is not at {SHARED / 'corpus'}: it is needed to train")
    began = time.perf_counter()
    fix_random_seed(args.seed)
    docs = documents()
    if not args.validate:
        write_provenance(docs)
    teacher = base_pipeline()
    train_docs = [d for d in docs if d.split == "train" and not (args.validate and d.validation)]
    examples = [part for d in train_docs for part in paragraphs(gold_example(teacher, d), teacher)]
    rehearsal = silver_examples(teacher, {d.id for d in docs}, args.silver, args.silver_rest, args.seed)
    silver = [part for ex in rehearsal for part in paragraphs(ex, teacher)]
    print(f"{len(train_docs)} annotated documents to train on ({len(docs) - len(train_docs)} held out) in "
          f"{len(examples)} paragraphs, {len(silver)} paragraphs of rehearsal", flush=True)
    student = base_pipeline()
    optimizer = train(examples + silver, student, args.epochs, args.seed)["optimizer"]
    args.out.mkdir(parents=True, exist_ok=True)
    if args.last_step:
        student.get_pipe("ner").to_disk(args.out, exclude=["vocab"])
    else:
        with student.use_params(optimizer.averages):
            student.get_pipe("ner").to_disk(args.out, exclude=["vocab"])
    print(f"wrote {args.out} in {time.perf_counter() - began:.0f} s")
    if args.validate:
        from evaluate import measure, table
        print(table(measure([d for d in docs if d.validation], args.out)))


if __name__ == "__main__":
    main()
