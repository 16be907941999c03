"""Train storyline's attribution tagger on PolNeAR train (brat standoff) and save it for the stage.

    python training/train_attribution.py --polnear /work/shared/corpora/polnear/data \
        --out src/storyline/resources/models/attribution

Only the ``train`` compartment is learned from. Every 20th train article (by name) is held out for
early stopping; the ``dev`` compartment is scored once, after training, for the record (MODEL.md).
Articles annotated by several annotators are learned from the first annotator by id. One thread,
fixed seed: the same data gives the same weights.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from thinc.api import Adam, fix_random_seed  # noqa: E402

from storyline.learned import attribution_model as am  # noqa: E402
from storyline.learned.polnear_data import read_compartment, token_tags  # noqa: E402
from storyline.pipeline import load_model  # noqa: E402

SEED = 0


def featurize(polnear: Path, compartment: str, config: am.Config, cache: Path | None) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, gold tag ids) per article of a compartment, parsed once and cached."""
    if cache is not None:
        cache_file = cache / f"{compartment}.npz"
        if cache_file.exists():
            data = np.load(cache_file)
            return [(data[f"x{i}"], data[f"y{i}"]) for i in range(len(data.files) // 2)]
    nlp = load_model()
    docs = read_compartment(polnear / compartment)
    index = {t: i for i, t in enumerate(config.tags)}
    out = []
    for item, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        tags = token_tags(doc, item.annotations[0])
        out.append((am.features(doc, config), np.array([index[t] for t in tags], dtype="int32")))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(cache / f"{compartment}.npz", **{f"x{i}": x for i, (x, _) in enumerate(out)},
                 **{f"y{i}": y for i, (_, y) in enumerate(out)})
    return out


def batches(items: list, max_tokens: int, rng: random.Random) -> list[list]:
    """Articles grouped by similar length (less padding), about max_tokens per batch, shuffled."""
    order = sorted(items, key=lambda xy: len(xy[0]))
    groups, group, size = [], [], 0
    for xy in order:
        if group and size + len(xy[0]) > max_tokens:
            groups.append(group)
            group, size = [], 0
        group.append(xy)
        size += len(xy[0])
    if group:
        groups.append(group)
    rng.shuffle(groups)
    return groups


def token_f1(model, items: list, config: am.Config) -> float:
    """Mean over roles of token-level F1 (role ignoring B/I) on held-out articles."""
    role = np.array([0] + [1 + am.ROLES.index(t[2:]) for t in config.tags[1:]])
    tp = np.zeros(4)
    pred_n = np.zeros(4)
    gold_n = np.zeros(4)
    for x, y in items:
        p = role[model.predict([x])[0].argmax(axis=1)]
        g = role[y]
        for r in (1, 2, 3):
            tp[r] += np.sum((p == r) & (g == r))
            pred_n[r] += np.sum(p == r)
            gold_n[r] += np.sum(g == r)
    f1 = 2 * tp[1:] / np.maximum(pred_n[1:] + gold_n[1:], 1)
    return float(f1.mean())


def calibrate(model, held: list, config: am.Config) -> dict:
    """Per-role biases on the log probabilities that give the best mean token F1 on the held-out
    slice of train (a small grid; ties go to the smaller bias)."""
    role = np.array([0] + [1 + am.ROLES.index(t[2:]) for t in config.tags[1:]])
    logps = [np.log(np.clip(model.predict([x])[0], 1e-9, 1)) for x, _ in held]
    gold = np.concatenate([role[y] for _, y in held])
    best, chosen = -1.0, {}
    for cue in (0.0, 0.5, 1.0, 1.5, 2.0):
        for source in (0.0, 0.5, 1.0, 1.5, 2.0):
            for content in (0.0, 0.5):
                bias = {"CUE": cue, "SOURCE": source, "CONTENT": content}
                shift = np.array([0.0] + [bias[t[2:]] for t in config.tags[1:]])
                pred = np.concatenate([role[(lp + shift).argmax(axis=1)] for lp in logps])
                f1 = np.mean([2 * np.sum((pred == r) & (gold == r)) / max(np.sum(pred == r) + np.sum(gold == r), 1)
                              for r in (1, 2, 3)])
                if f1 > best + 1e-9:
                    best, chosen = float(f1), bias
    print(f"calibrated biases {chosen}: held-out token F1 {best:.4f}", flush=True)
    return chosen


def train(args: argparse.Namespace) -> None:
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    config = am.Config(hidden=args.hidden, lstm_width=args.lstm_width, depth=args.depth)
    started = time.time()
    items = featurize(args.polnear, "train", config, args.cache)
    print(f"featurized {len(items)} train articles in {time.time() - started:.0f}s", flush=True)
    held = [xy for i, xy in enumerate(items) if i % 20 == 0]
    learn = [xy for i, xy in enumerate(items) if i % 20 != 0]
    model = am.build(config)
    eye = np.eye(len(config.tags), dtype="float32")
    model.initialize(X=[learn[0][0]], Y=[eye[learn[0][1]]])
    if args.init is not None:  # go on from earlier weights (a fresh optimizer)
        model.from_disk(args.init / "model.bin")
    optimizer = Adam(args.lr)
    best, best_bytes, best_epoch, waited = -1.0, None, 0, 0
    for epoch in range(1, args.epochs + 1):
        t0, loss = time.time(), 0.0
        for group in batches(learn, args.batch_tokens, rng):
            X = [x for x, _ in group]
            Y = [eye[y] for _, y in group]
            guesses, backprop = model.begin_update(X)
            total = sum(len(t) for t in Y)
            grads = [(g - t) / total for g, t in zip(guesses, Y)]
            loss += sum(float(-np.log(np.clip((g * t).sum(axis=1), 1e-9, 1)).sum()) for g, t in zip(guesses, Y))
            backprop(grads)
            model.finish_update(optimizer)
        with model.use_params(optimizer.averages):  # the running average of the weights: steadier
            score = token_f1(model, held, config)
            snapshot = model.to_bytes()
        print(f"epoch {epoch}: loss {loss:.0f}, held-out token F1 {score:.4f}, {time.time() - t0:.0f}s", flush=True)
        if score > best:
            best, best_bytes, best_epoch, waited = score, snapshot, epoch, 0
        else:
            waited += 1
            if waited >= args.patience:
                break
        if time.time() - started > args.max_minutes * 60:
            print("time budget reached", flush=True)
            break
    model.from_bytes(best_bytes)
    config.tag_bias = calibrate(model, held, config)
    minutes = (time.time() - started) / 60
    config.trained = {
        "data": "PolNeAR v1.0.0 train compartment (github.com/networkdynamics/PolNeAR @ c3eee833), "
        "first annotator by id per article; every 20th article held out for early stopping",
        "seed": SEED,
        "epochs": best_epoch,
        "lr": args.lr,
        "batch_tokens": args.batch_tokens,
        "held_out_token_f1": round(best, 4),
        "train_minutes": round(minutes, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    model.to_disk(args.out / "model.bin")
    config.save(args.out / "config.json")
    print(f"saved to {args.out} (best epoch {best_epoch}, {minutes:.1f} min)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR data/ directory (train/, dev/)")
    parser.add_argument("--out", type=Path, required=True, help="where to write model.bin and config.json")
    parser.add_argument("--cache", type=Path, default=None, help="keep parsed features here between runs")
    parser.add_argument("--init", type=Path, default=None, help="start from the model.bin in this directory")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--patience", type=int, default=3)
    parser.add_argument("--max-minutes", type=float, default=12.0)
    parser.add_argument("--lr", type=float, default=0.003)
    parser.add_argument("--batch-tokens", type=int, default=2000)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--lstm-width", type=int, default=128)
    parser.add_argument("--depth", type=int, default=1)
    args = parser.parse_args()
    train(args)


if __name__ == "__main__":
    main()
