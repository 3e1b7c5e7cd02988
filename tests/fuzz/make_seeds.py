#!/usr/bin/env python3
"""Writes the hand-made seed files of the json_value, safetensors and wordpiece fuzz targets
(tests/fuzz/corpus/<target>/seed-*; Python 3 standard library only). Each is a few hundred
bytes at most (tests/fuzz.sh runs with -max_len=4096). The fasttext_bin seeds are real model
files, made by our CLI and by Debian's fastText (see README "Hardening").

usage: tests/fuzz/make_seeds.py [CORPUS_DIR]   (default: tests/fuzz/corpus next to this file)

safetensors inputs start with an options byte (tests/fuzz/safetensors_fuzz.cpp): bit 0 clear =
the rest is the file as is, set = the rest is "JSON header, NUL, data" (the fuzz target writes
the 8-byte length); bits 1..7 = slice size - 1 for the sliced readers.
wordpiece inputs: options byte (bit 0 uncased, bit 1 "[UNK]\\n" in front), vocab.txt, NUL, text.
"""

import json
import os
import struct
import sys


def f16(x):
    return struct.pack("<e", x)


def bf16(x):
    return struct.pack("<f", x)[2:]


def f32(x):
    return struct.pack("<f", x)


def safetensors(tensors, metadata=None, pad=0):
    """tensors: list of (name, dtype, shape, bytes) in data order."""
    header, offset, data = {}, 0, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode() + b" " * pad
    return text, data


def values(n, scale=8):
    return [((i * 37) % 17 - 8) / scale for i in range(n)]


def raw_seed(options, text, data):
    return bytes([options & ~1]) + struct.pack("<Q", len(text)) + text + data


def built_seed(options, text, data):
    return bytes([options | 1]) + text + b"\0" + data


def safetensors_seeds():
    d = 4
    gpt2 = safetensors(
        [("wte.weight", "F16", [5, d], b"".join(f16(v) for v in values(5 * d))),
         ("wpe.weight", "F16", [3, d], b"".join(f16(v) for v in values(3 * d, 4))),
         ("ln_f.bias", "F32", [d], b"".join(f32(v) for v in values(d)))],
        {"format": "pt"}, pad=3)
    bert = safetensors(
        [("bert.embeddings.word_embeddings.weight", "BF16", [6, d], b"".join(bf16(v) for v in values(6 * d))),
         ("bert.embeddings.position_embeddings.weight", "BF16", [2, d], b"".join(bf16(v) for v in values(2 * d, 2))),
         ("embeddings.position_ids", "I64", [1, 2], struct.pack("<qq", 0, 1))])
    other = safetensors(
        [("model.embed_tokens.weight", "F32", [3, 2], b"".join(f32(v) for v in values(6))),
         ("model.norm.weight", "F32", [2], f32(1.0) + f32(-0.0)),
         ("scalar", "F64", [], struct.pack("<d", 2.5)),
         ("empty", "F16", [0, 3], b"")])
    specials = safetensors(
        [("wte.weight", "F16", [2, 4], bytes.fromhex("0000 0080 0100 ff03 0004 007c 00fc 017e".replace(" ", ""))),
         ("wpe.weight", "BF16", [1, 4], bytes.fromhex("807f 80ff c17f 0100".replace(" ", "")))])
    return {
        "seed-gpt2-f16": raw_seed(0, *gpt2),
        "seed-gpt2-f16-built": built_seed(2 * 6, *gpt2),
        "seed-bert-bf16": raw_seed(2 * 2, *bert),
        "seed-bert-bf16-built": built_seed(0, *bert),
        "seed-other-built": built_seed(2 * 3, *other),
        "seed-specials-built": built_seed(2 * 1, *specials),
        "seed-empty-header": built_seed(0, b"{}", b""),
        "seed-overlap-built": built_seed(0, b'{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},'
                                            b'"b":{"dtype":"U8","shape":[2],"data_offsets":[1,3]}}', b"abc"),
        "seed-huge-shape-built": built_seed(0, b'{"a":{"dtype":"F64","shape":[4294967296,4294967296,16],'
                                               b'"data_offsets":[0,0]}}', b""),
    }


def json_seeds():
    return {
        "seed-header": b'{"__metadata__":{"format":"pt"},"wte.weight":{"dtype":"F32","shape":[50257,768],'
                       b'"data_offsets":[0,154389504]}}  ',
        "seed-values": b'[null, true, false, 0, -0, 12.5e-3, 1E+400, 18446744073709551615, 18446744073709551616, ""]',
        "seed-escapes": '{"a\\nb": "\\u0041\\u00e9\\ud83d\\ude00\\"\\\\\\/\\b\\f\\r\\t", "왕": "é"}'.encode(),
        "seed-nested": b"[[[[[[[[[[{}]]]]]]]]]]",
    }


def wordpiece_seeds():
    vocab = "[PAD]\n[UNK]\n[CLS]\nthe\nking\nun\n##aff\n##able\n##s\n##ing\na\n##b\n##c\n왕\n##과\n,\n.\n"
    return {
        "seed-bert": bytes([1]) + vocab.encode() + b"\0" + "The kings, unaffable; Unaffable ABC 王 왕과 café.".encode(),
        "seed-cased": bytes([0]) + vocab.encode() + b"\0" + "The King abc unaff\u00e9 x\u0301".encode(),
        "seed-unk-front": bytes([3]) + b"ab\r\n##cd\nx\n\0abcd abxcd x x" + bytes([0xFF]) + b"x",
        "seed-greedy-fails": bytes([2]) + b"ab\na\n##bc\n\0abc",
        # words of 100 and 101 characters around the [UNK] limit (mutation alone did not reach it
        # in 2 minutes with the limit planted off by one)
        "seed-100-chars": bytes([2]) + "a\n##a\n##é\n\0".encode() + b"a" * 100 + b" " + b"a" * 101 + b" "
                          + ("a" + "é" * 99).encode(),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus")
    for target, seeds in (("safetensors", safetensors_seeds()), ("json_value", json_seeds()),
                          ("wordpiece", wordpiece_seeds())):
        os.makedirs(os.path.join(corpus, target), exist_ok=True)
        for name, data in seeds.items():
            assert len(data) <= 4096, name
            with open(os.path.join(corpus, target, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
