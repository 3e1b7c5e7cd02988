#!/usr/bin/python3
"""The CBOW benchmark of issue 3 (run it through tests/bench/cbow_bench.sh).

Trains CBOW with negative sampling on the GCIDE corpus with the same settings in every system
(size 100, window 5, negative 5, sample 1e-4, min_count 5, alpha 0.05, 1 thread), one run
after another: gensim (Word2Vec, corpus_file, workers=1), fastText (cbow -minn 0 -maxn 0),
ours native (build/embplay train), ours as WASM in Node (node build-wasm/embplay.js train)
and ours as WASM in a Web Worker of headless Chromium (cbow_bench_browser.mjs), ours with
several batch sizes B. Every vector file is scored by one evaluator, `embplay evaluate`
(WordSim353 Spearman; Google analogies, 3CosAdd over the top 30,000 words), cross-checked
against gensim's evaluator. Prints markdown tables and writes them to OUT/cbow_bench.md.

words/s is the raw rate as word2vec and gensim count it: in-vocabulary words read per second
of training, subsampled ones included, i.e. epochs x in-vocabulary corpus words / training
time (gensim: the time of train(); fastText: its final words/sec/thread; ours: the trainer's
own clock). Wall time and peak memory (max RSS from /usr/bin/time) cover the whole process:
reading the corpus, the vocabulary, training and writing the vectors.

Issue 12: ARCH=skipgram trains skip-gram everywhere (gensim sg=1, `fasttext skipgram`, ours --arch
skipgram) with word2vec's skip-gram rate alpha 0.025; SUBWORDS=1 trains fastText's subword model
(minn 3, maxn 6, bucket 2,000,000) in fastText and ours (gensim has none: it is left out), and
scores the .vec files both write. The defaults (ARCH=cbow, SUBWORDS=0) are issue 3's benchmark.

Environment: ARCH (cbow), SUBWORDS (0), EPOCHS (5), BATCHES (ours native, "1 2 4 16"), WASM_BATCHES (ours in Node and
Chromium, "1 16"), SYSTEMS ("gensim fasttext native node chromium"), SEEDS ("1": further
seeds rerun gensim, fastText and ours native for the quality spread), REPEAT (1: train each
configuration this many times and keep the fastest time, against noise from other work on
the machine; the last run's vectors are scored, and one thread + one seed gives the same
vectors every run in ours), GENSIM_CHECK (1: also score the
first seed's files with gensim's evaluator), BENCH_DIR (build-bench), BENCH_DATA (the folder of
wordsim353.tsv and questions-words.txt; default shared/data beside the checkout).
"""
import filecmp
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# WordSim353 and the Google analogies: BENCH_DATA, else shared/data beside the checkout (/work/main)
# or one level further up (a clone under /work/wt/NAME).
DATA = os.environ.get("BENCH_DATA") or next(
    (d for d in (os.path.join(ROOT, "..", "shared", "data"), os.path.join(ROOT, "..", "..", "shared", "data"))
     if os.path.isdir(d)), os.path.join(ROOT, "..", "shared", "data"))
DATA = os.path.abspath(DATA)
WORDSIM = os.path.join(DATA, "wordsim353.tsv")
ANALOGIES = os.path.join(DATA, "questions-words.txt")
OUT = os.path.abspath(os.environ.get("BENCH_DIR", os.path.join(ROOT, "build-bench")))
CORPUS = os.path.join(OUT, "gcide.txt")
EPOCHS = int(os.environ.get("EPOCHS", "5"))
BATCHES = os.environ.get("BATCHES", "1 2 4 16").split()
WASM_BATCHES = os.environ.get("WASM_BATCHES", "1 16").split()
SYSTEMS = os.environ.get("SYSTEMS", "gensim fasttext native node chromium").split()
SEEDS = os.environ.get("SEEDS", "1").split()
REPEAT = int(os.environ.get("REPEAT", "1"))
GENSIM_CHECK = os.environ.get("GENSIM_CHECK", "1") == "1"
EMBPLAY = os.path.join(ROOT, "build", "embplay")
GENSIM = os.path.join(ROOT, "tests", "bench", "cbow_bench_gensim.py")
ARCH = os.environ.get("ARCH", "cbow")
SUBWORDS = os.environ.get("SUBWORDS", "0") == "1"
ALPHA = "0.025" if ARCH == "skipgram" else "0.05"
if SUBWORDS:
    SYSTEMS = [s for s in SYSTEMS if s != "gensim"]
    BATCHES, WASM_BATCHES = ["1"], ["1"]  # batches are CBOW on whole words only
elif ARCH == "skipgram":
    BATCHES, WASM_BATCHES = ["1"], ["1"]
SETTINGS = ["--size", "100", "--window", "5", "--negative", "5", "--sample", "1e-4", "--min-count", "5",
            "--alpha", ALPHA, "--threads", "1", "--arch", ARCH]
NGRAMS = ["--subwords", "--minn", "3", "--maxn", "6", "--bucket", "2000000"] if SUBWORDS else []


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def timed(name, argv):
    """Runs argv under /usr/bin/time -v; returns (stdout, stderr, (wall s, CPU s), max RSS kB)."""
    timing = os.path.join(OUT, f"{name}.time")
    log(f"{name}: {' '.join(argv)}")
    r = subprocess.run(["/usr/bin/time", "-v", "-o", timing, *argv], capture_output=True, text=True)
    with open(os.path.join(OUT, f"{name}.log"), "w") as f:
        f.write(r.stdout + r.stderr)
    if r.returncode != 0:
        sys.exit(f"cbow_bench: {name} failed (exit {r.returncode}); see {OUT}/{name}.log")
    t = open(timing).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
    wall_s = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu_s = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", t).group(1)) for k in ("User", "System"))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    return r.stdout, r.stderr, (wall_s, cpu_s), rss


def corpus_words():
    """In-vocabulary words of the corpus (min_count 5), as our trainer counts them."""
    counts = {}
    with open(CORPUS) as f:
        for line in f:
            for w in line.split():
                counts[w] = counts.get(w, 0) + 1
    return sum(c for c in counts.values() if c >= 5)


def run_gensim(words, seed):
    vectors = os.path.join(OUT, f"gensim-s{seed}.txt")
    out, _, wall, rss = timed(f"gensim-s{seed}", ["/usr/bin/python3", GENSIM, "train", CORPUS, vectors, str(EPOCHS), seed,
                                                  "1" if ARCH == "skipgram" else "0"])
    r = json.loads(out.strip().splitlines()[-1])
    return dict(system="gensim 4.2", batch="", vectors=vectors, wall=wall, rss_kb=rss, train_s=r["train_seconds"],
                words_per_s=EPOCHS * words / r["train_seconds"])


def run_fasttext(words, seed):
    prefix = os.path.join(OUT, f"fasttext-s{seed}")
    _, err, wall, rss = timed(f"fasttext-s{seed}", [
        "fasttext", ARCH, "-input", CORPUS, "-output", prefix, "-dim", "100", "-ws", "5", "-neg", "5",
        "-t", "1e-4", "-minCount", "5", "-lr", ALPHA, "-epoch", str(EPOCHS), "-thread", "1",
        "-minn", "3" if SUBWORDS else "0", "-maxn", "6" if SUBWORDS else "0", "-bucket", "2000000",
        "-wordNgrams", "1", "-loss", "ns", "-seed", seed, "-verbose", "2"])
    rate = float(re.findall(r"words/sec/thread:\s*(\d+)", err)[-1])
    os.remove(prefix + ".bin")  # the model file; the benchmark scores the .vec
    return dict(system="fastText 0.9.2", batch="", vectors=prefix + ".vec", wall=wall, rss_kb=rss,
                train_s=EPOCHS * words / rate, words_per_s=rate)


def run_ours_cli(kind, batch, seed):
    name = f"{kind}-b{batch}-s{seed}"
    vectors = os.path.join(OUT, f"{name}.{'vec' if SUBWORDS else 'txt'}")
    argv = [EMBPLAY] if kind == "native" else ["node", os.path.join(ROOT, "build-wasm/embplay.js")]
    output = ["--output", os.path.join(OUT, f"{name}.bin"), "--vec", vectors] if SUBWORDS else ["--output", vectors]
    _, err, wall, rss = timed(name, [*argv, "train", "--input", CORPUS, *output, "--epochs", str(EPOCHS),
                                     "--batch", batch, "--seed", seed, *SETTINGS, *NGRAMS])
    m = re.search(r"trained (\d+) words in ([\d.]+) s \(\d+ words/s\)", err)
    done, seconds = int(m.group(1)), float(m.group(2))
    system = "ours, native" if kind == "native" else "ours, WASM in Node"
    return dict(system=system, batch=batch, vectors=vectors, wall=wall, rss_kb=rss, train_s=seconds,
                words_per_s=done / seconds)


def run_ours_chromium(batch, seed):
    name = f"chromium-b{batch}-s{seed}"
    vectors = os.path.join(OUT, f"{name}.txt")
    out, _, wall, _ = timed(name, ["node", os.path.join(ROOT, "tests/bench/cbow_bench_browser.mjs"), CORPUS, vectors,
                                   str(EPOCHS), batch, seed, ARCH, "1" if SUBWORDS else "0"])
    r = json.loads(out.strip().splitlines()[-1])
    return dict(system="ours, WASM in Chromium", batch=batch, vectors=vectors, wall=wall, rss_kb=r["chromiumPeakKb"],
                wasm_mb=r["wasmMemoryBytes"] / 2**20, train_s=r["trainSeconds"],
                words_per_s=r["wordsDone"] / r["trainSeconds"])


def evaluate(row):
    r = subprocess.run([EMBPLAY, "evaluate", "--vectors", row["vectors"], "--wordsim", WORDSIM, "--analogies", ANALOGIES,
                        "--restrict", "30000"], capture_output=True, text=True, check=True)
    s = json.loads(r.stdout)
    row["spearman"], row["analogy"] = s["wordsim_spearman"], 100 * s["analogy_accuracy"]
    if GENSIM_CHECK and row["seed"] == SEEDS[0]:
        r = subprocess.run(["/usr/bin/python3", GENSIM, "evaluate", row["vectors"], WORDSIM, ANALOGIES],
                           capture_output=True, text=True, check=True)
        g = json.loads(r.stdout.strip().splitlines()[-1])
        row["gensim_spearman"], row["gensim_analogy"] = g["wordsim_spearman"], 100 * g["analogy_accuracy"]


def same_as_native(row, rows):
    """For our WASM rows: are the vectors byte-identical to the native run with the same B and seed?"""
    if not row["system"].startswith("ours, WASM"):
        return
    native = next((r for r in rows if r["system"] == "ours, native" and r["batch"] == row["batch"]
                   and r["seed"] == row["seed"]), None)
    if native:
        row["identical"] = filecmp.cmp(native["vectors"], row["vectors"], shallow=False)


def label(r):
    return f"{r['system']}, B={r['batch']}" if r["batch"] else r["system"]


def speed_table(rows):
    base = next((r for r in rows if r["system"].startswith("gensim")), None)
    lines = ["| system | raw words/s | × gensim | train s | wall s (CPU s) | peak memory | WordSim353 ρ | analogy % | load |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r['words_per_s'] / base['words_per_s']:.2f}" if base else "–"
        mem = f"{r['rss_kb'] / 1024:.0f} MB"
        if "wasm_mb" in r:
            mem = f"{r['wasm_mb']:.0f} MB WASM, {r['rss_kb'] / 1024:.0f} MB renderer"
        same = {True: " (= native)", False: " (≠ native!)"}.get(r.get("identical"), "")
        cpu = f" ({r['wall'][1]:.1f})" if "wasm_mb" not in r else ""
        lines.append(f"| {label(r)}{same} | {r['words_per_s'] / 1e3:.0f}k | {ratio} | {r['train_s']:.1f} | "
                     f"{r['wall'][0]:.1f}{cpu} | {mem} | {r['spearman']:.3f} | {r['analogy']:.1f} | {r['load']:.1f} |")
    return lines


def quality_table(rows):
    groups = {}
    for r in rows:
        if not r["system"].startswith("ours, WASM"):
            groups.setdefault(label(r), []).append(r)
    lines = [f"Quality over seeds {', '.join(SEEDS)} (mean, with min–max):", "",
             "| system | raw words/s | WordSim353 ρ | analogy % |", "|---|---:|---:|---:|"]
    for name, rs in groups.items():
        sp, an = [r["spearman"] for r in rs], [r["analogy"] for r in rs]
        lines.append(f"| {name} | {statistics.mean(r['words_per_s'] for r in rs) / 1e3:.0f}k | "
                     f"{statistics.mean(sp):.3f} ({min(sp):.3f}–{max(sp):.3f}) | "
                     f"{statistics.mean(an):.1f} ({min(an):.1f}–{max(an):.1f}) |")
    return lines


def report(rows, words):
    first = [r for r in rows if r["seed"] == SEEDS[0]]
    lines = speed_table(first)
    if len(SEEDS) > 1:
        lines += [""] + quality_table(rows)
    lines += [
        "",
        f"GCIDE corpus: {words:,} in-vocabulary words (min_count 5) × {EPOCHS} epochs; {ARCH}"
        f"{', subwords minn 3 maxn 6 bucket 2,000,000' if SUBWORDS else ''}; size 100, window 5, negative 5, "
        f"sample 1e-4, alpha {ALPHA}, 1 thread, seed {SEEDS[0]}; B = centre words sharing their negatives (1 = word2vec). "
        "raw words/s = in-vocabulary words read per second of training, subsampled ones included. Scores: `embplay "
        "evaluate` (WordSim353 Spearman; Google analogies, 3CosAdd over the top 30,000 words, case-insensitive). Peak "
        "memory and CPU time: /usr/bin/time (max RSS; user + system); Chromium: the WASM memory and the largest Chromium process's "
        f"peak RSS (VmHWM). load: 1-minute load average before the run (2 cores, shared); fastest of {REPEAT} run(s). "
        "(= native): the WASM run's vectors are byte-identical to the native run's.",
    ]
    if GENSIM_CHECK:
        d_s = max(abs(r["spearman"] - r["gensim_spearman"]) for r in first)
        d_a = max(abs(r["analogy"] - r["gensim_analogy"]) for r in first)
        lines.append(f"gensim's evaluator on the seed-{SEEDS[0]} files differs by at most {d_s:.4f} Spearman and {d_a:.2f} analogy "
                     "points (the top 30,000 words differ where counts tie).")
    return "\n".join(lines) + "\n"


def plans(words):
    out = []
    for seed in SEEDS:
        if "gensim" in SYSTEMS:
            out.append(lambda seed=seed: run_gensim(words, seed))
        if "fasttext" in SYSTEMS:
            out.append(lambda seed=seed: run_fasttext(words, seed))
        if "native" in SYSTEMS:
            out += [lambda b=b, seed=seed: run_ours_cli("native", b, seed) for b in BATCHES]
        if seed != SEEDS[0]:
            continue  # the WASM builds give the native bits: one seed shows it
        if "node" in SYSTEMS:
            out += [lambda b=b, seed=seed: run_ours_cli("node", b, seed) for b in WASM_BATCHES]
        if "chromium" in SYSTEMS:
            out += [lambda b=b, seed=seed: run_ours_chromium(b, seed) for b in WASM_BATCHES]
    return out


def main():
    words = corpus_words()
    log(f"{CORPUS}: {words} in-vocabulary words")
    rows = []
    for plan in plans(words):
        row = None
        for _ in range(REPEAT):
            load = os.getloadavg()[0]
            r = plan()
            r["load"] = load
            if row is None or r["words_per_s"] > row["words_per_s"]:
                row = r
        row["seed"] = re.search(r"-s(\d+)\.\w+$", row["vectors"]).group(1)
        evaluate(row)
        same_as_native(row, rows)
        log(f"{label(row)}, seed {row['seed']}: {row['words_per_s'] / 1e3:.0f}k words/s, Spearman {row['spearman']:.3f}, "
            f"analogy {row['analogy']:.1f}%")
        rows.append(row)
        with open(os.path.join(OUT, "cbow_bench.jsonl"), "a") as f:
            f.write(json.dumps(row) + "\n")
    md = report(rows, words)
    with open(os.path.join(OUT, f"{ARCH}{'_subwords' if SUBWORDS else ''}_bench.md" if ARCH != "cbow" or SUBWORDS
                           else "cbow_bench.md"), "w") as f:
        f.write(md)
    print(md)


if __name__ == "__main__":
    main()
