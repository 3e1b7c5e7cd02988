#!/usr/bin/python3
"""gensim for tests/bench/cbow_bench.sh: its CBOW as a peer, and its evaluator as a cross-check.

  /usr/bin/python3 tests/bench/cbow_bench_gensim.py train CORPUS OUTPUT EPOCHS [SEED [SG]]
  /usr/bin/python3 tests/bench/cbow_bench_gensim.py evaluate VECTORS WORDSIM ANALOGIES

train: Word2Vec(sg=SG (0 = CBOW, the default; 1 = skip-gram, with alpha 0.025), corpus_file, workers=1) with the benchmark's settings; builds the
vocabulary and trains in two timed steps, writes word2vec text, and prints one JSON line with
the training time and the words gensim reports as trained (after subsampling).
evaluate: gensim's evaluate_word_pairs (Spearman) and evaluate_word_analogies over the top
30,000 words, case-insensitive, on a word2vec text or binary (*.bin) file, as one JSON line,
so the benchmark can check that `embplay evaluate` agrees with gensim's evaluator.
"""
import json
import logging
import sys
import time

from gensim.models import KeyedVectors, Word2Vec


def train(corpus, output, epochs, seed, sg=0):
    logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.WARNING)
    alpha = 0.025 if sg else 0.05
    model = Word2Vec(vector_size=100, window=5, negative=5, hs=0, sample=1e-4, min_count=5, alpha=alpha,
                     min_alpha=alpha * 1e-4, sg=sg, cbow_mean=1, workers=1, seed=seed, epochs=epochs)
    t0 = time.perf_counter()
    model.build_vocab(corpus_file=corpus)
    t1 = time.perf_counter()
    trained, raw = model.train(corpus_file=corpus, total_words=model.corpus_total_words,
                               total_examples=model.corpus_count, epochs=epochs)
    t2 = time.perf_counter()
    model.wv.save_word2vec_format(output, binary=False)
    result = {
        "vocab": len(model.wv),
        "vocab_seconds": t1 - t0,
        "train_seconds": t2 - t1,
        "words_trained": trained,
        "raw_words": raw,
        "words_per_second": trained / (t2 - t1),
    }
    print(json.dumps(result))


def evaluate(vectors, wordsim, analogies):
    logging.basicConfig(level=logging.ERROR)
    wv = KeyedVectors.load_word2vec_format(vectors, binary=vectors.endswith(".bin"))
    _, spearman, _ = wv.evaluate_word_pairs(wordsim, delimiter="\t", case_insensitive=True)
    accuracy, _ = wv.evaluate_word_analogies(analogies, restrict_vocab=30000, case_insensitive=True)
    print(json.dumps({"wordsim_spearman": float(spearman[0]), "analogy_accuracy": float(accuracy)}))


def main():
    if len(sys.argv) in (5, 6, 7) and sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]) if len(sys.argv) >= 6 else 1,
              int(sys.argv[6]) if len(sys.argv) == 7 else 0)
    elif len(sys.argv) == 5 and sys.argv[1] == "evaluate":
        evaluate(*sys.argv[2:5])
    else:
        sys.exit("usage: cbow_bench_gensim.py train CORPUS OUTPUT EPOCHS [SEED [SG]] | evaluate VECTORS WORDSIM ANALOGIES")


if __name__ == "__main__":
    main()
