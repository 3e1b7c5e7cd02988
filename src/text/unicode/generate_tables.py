#!/usr/bin/env python3
"""Generates the Unicode tables behind src/text/unicode.h (Python 3 standard library only).

Reads Debian's unicode-data package (/usr/share/unicode):
  UnicodeData.txt                      General Category (field 2), simple lowercase (field 13)
  PropList.txt                         White_Space
  auxiliary/GraphemeBreakProperty.txt  Extend, SpacingMark, ZWJ, Regional_Indicator (UAX #29)
  emoji/emoji-data.txt                 Extended_Pictographic (UTS #51)

and writes one C++ file defining the arrays declared in src/text/unicode/unicode_tables.h:

  * char properties: one byte per code point (CharClass in the low 3 bits plus 5 flag bits),
    stored as a two-stage table like CPython's unicodedata: the code point's high bits pick
    a block number from kPropsIndex, its low bits index into that (deduplicated) block of
    kPropsBlocks. Code points from kPropsLimit on are all 0 (Other, no flags).
  * simple lowercase: runs "first, first+stride, ... (count code points) map to cp+delta",
    sorted by first code point, for binary search; each run is 8 bytes.

The output depends only on the input files, so it is byte-for-byte reproducible.
"""

import argparse
import os
import sys

# Block sizes tried for the two-stage table; the smallest result whose distinct blocks fit
# a one-byte index wins (128-code-point blocks for Unicode 15).
BLOCK_SHIFTS = (6, 7, 8, 9)
MAX_CODE_POINT = 0x10FFFF

# CharClass values and kFlag* bits of src/text/unicode.h.
CLASS_OTHER, CLASS_LETTER, CLASS_MARK, CLASS_NUMBER = 0, 1, 2, 3
CLASS_PUNCTUATION, CLASS_SYMBOL, CLASS_SPACE, CLASS_CONTROL = 4, 5, 6, 7
FLAG_FORMAT = 0x08
FLAG_GRAPHEME_EXTEND = 0x10
FLAG_REGIONAL_INDICATOR = 0x20
FLAG_EXTENDED_PICTOGRAPHIC = 0x40
FLAG_HAS_LOWERCASE = 0x80

INPUT_FILES = ("UnicodeData.txt", "PropList.txt", os.path.join("auxiliary", "GraphemeBreakProperty.txt"),
               os.path.join("emoji", "emoji-data.txt"))

CATEGORY_CLASS = {
    "Lu": CLASS_LETTER, "Ll": CLASS_LETTER, "Lt": CLASS_LETTER, "Lm": CLASS_LETTER, "Lo": CLASS_LETTER,
    "Mn": CLASS_MARK, "Mc": CLASS_MARK, "Me": CLASS_MARK,
    "Nd": CLASS_NUMBER, "Nl": CLASS_NUMBER, "No": CLASS_NUMBER,
    "Pc": CLASS_PUNCTUATION, "Pd": CLASS_PUNCTUATION, "Ps": CLASS_PUNCTUATION, "Pe": CLASS_PUNCTUATION,
    "Pi": CLASS_PUNCTUATION, "Pf": CLASS_PUNCTUATION, "Po": CLASS_PUNCTUATION,
    "Sm": CLASS_SYMBOL, "Sc": CLASS_SYMBOL, "Sk": CLASS_SYMBOL, "So": CLASS_SYMBOL,
    # Space is exactly White_Space (set from PropList.txt below); in Unicode 15 that covers all of Z*.
    "Zs": CLASS_OTHER, "Zl": CLASS_OTHER, "Zp": CLASS_OTHER,
    "Cc": CLASS_CONTROL,
    "Cf": CLASS_OTHER, "Cs": CLASS_OTHER, "Co": CLASS_OTHER, "Cn": CLASS_OTHER,
}


def read_unicode_data(path):
    """Returns (category per code point as a list, {cp: lowercase cp})."""
    categories = ["Cn"] * (MAX_CODE_POINT + 1)
    lower = {}
    range_first = None
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            fields = line.rstrip("\n").split(";")
            if len(fields) != 15:
                sys.exit(f"{path}:{line_no}: expected 15 fields, got {len(fields)}")
            cp, name, category = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                range_first = cp
                continue
            first = cp
            if name.endswith(", Last>"):
                if range_first is None:
                    sys.exit(f"{path}:{line_no}: range end without a start")
                first, range_first = range_first, None
            for c in range(first, cp + 1):
                categories[c] = category
            if fields[13]:
                lower[cp] = int(fields[13], 16)
    return categories, lower


def read_property_file(path, wanted):
    """Yields (first, last, property) for lines of a UCD property file whose value is in `wanted`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code_points, prop = (part.strip() for part in line.split(";")[:2])
            if prop not in wanted:
                continue
            first, _, last = code_points.partition("..")
            yield int(first, 16), int(last or first, 16), prop


def build_props(unicode_dir):
    categories, lower = read_unicode_data(os.path.join(unicode_dir, "UnicodeData.txt"))
    props = bytearray(CATEGORY_CLASS[c] for c in categories)
    for cp, category in enumerate(categories):
        if category == "Cf":
            props[cp] |= FLAG_FORMAT
    for cp, lower_cp in lower.items():
        if lower_cp != cp:
            props[cp] |= FLAG_HAS_LOWERCASE
    for first, last, _ in read_property_file(os.path.join(unicode_dir, "PropList.txt"), {"White_Space"}):
        for cp in range(first, last + 1):
            props[cp] = (props[cp] & ~0x07) | CLASS_SPACE
    grapheme = os.path.join(unicode_dir, "auxiliary", "GraphemeBreakProperty.txt")
    flags = {"Extend": FLAG_GRAPHEME_EXTEND, "SpacingMark": FLAG_GRAPHEME_EXTEND, "ZWJ": FLAG_GRAPHEME_EXTEND,
             "Regional_Indicator": FLAG_REGIONAL_INDICATOR}
    for first, last, prop in read_property_file(grapheme, set(flags)):
        for cp in range(first, last + 1):
            props[cp] |= flags[prop]
    emoji = os.path.join(unicode_dir, "emoji", "emoji-data.txt")
    for first, last, _ in read_property_file(emoji, {"Extended_Pictographic"}):
        for cp in range(first, last + 1):
            props[cp] |= FLAG_EXTENDED_PICTOGRAPHIC
    return props, lower


def two_stage(props, shift):
    """Splits `props` into (limit, index, blocks): props[cp] == blocks[(index[cp >> S] << S) + (cp & mask)]."""
    size = 1 << shift
    limit = len(props)
    while limit > 0 and props[limit - 1] == 0:
        limit -= 1
    limit = (limit + size - 1) // size * size
    block_ids, blocks, index = {}, [], []
    for start in range(0, limit, size):
        block = bytes(props[start:start + size])
        if block not in block_ids:
            block_ids[block] = len(blocks)
            blocks.append(block)
        index.append(block_ids[block])
    return limit, index, b"".join(blocks)


def lower_runs(lower):
    """Groups the mapping into runs (first, count, stride, delta) with stride 1 or 2."""
    runs = []
    for cp in sorted(lower):
        delta = lower[cp] - cp
        if runs:
            first, count, stride, run_delta = runs[-1]
            last = first + (count - 1) * stride
            step = cp - last
            if run_delta == delta and count < 1024 and (step == stride or (count == 1 and step == 2)):
                runs[-1] = (first, count + 1, step, delta)
                continue
        runs.append((cp, 1, 1, delta))
    return runs


def format_array(ctype, name, values, per_line):
    lines = [f"const {ctype} {name}[] = {{"]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def generate(unicode_dir):
    props, lower = build_props(unicode_dir)
    candidates = []
    for shift in BLOCK_SHIFTS:
        limit, index, blocks = two_stage(props, shift)
        if len(blocks) >> shift <= 256:
            candidates.append((len(index) + len(blocks), shift, limit, index, blocks))
    if not candidates:
        sys.exit("more than 256 distinct blocks for every block size: widen PropsIndexEntry in "
                 "src/text/unicode/unicode_tables.h to std::uint16_t and the index type here")
    _, shift, limit, index, blocks = min(candidates)
    runs = lower_runs(lower)
    lower_keys = [f"0x{(first << 11) | ((count - 1) << 1) | (stride - 1):08X}u" for first, count, stride, _ in runs]
    lower_deltas = [str(delta) for _, _, _, delta in runs]
    data_bytes = len(index) + len(blocks) + 8 * len(runs)
    out = [
        "// GENERATED by src/text/unicode/generate_tables.py from Debian's unicode-data package. Do not edit.",
        f"// Props: {len(index)} index entries, {len(blocks) >> shift} distinct blocks of "
        f"{1 << shift}; lowercase: {len(runs)} runs for {len(lower)} mappings; {data_bytes} bytes of data.",
        '#include "text/unicode/unicode_tables.h"',
        "",
        "namespace embplay::unicode_tables {",
        "",
        f"const unsigned kBlockShift = {shift};",
        f"const char32_t kPropsLimit = 0x{limit:X};",
        format_array("PropsIndexEntry", "kPropsIndex", [str(i) for i in index], 24),
        format_array("std::uint8_t", "kPropsBlocks", [str(b) for b in blocks], 32),
        f"const std::size_t kLowerRunCount = {len(runs)};",
        format_array("std::uint32_t", "kLowerRunKeys", lower_keys, 8),
        format_array("std::int32_t", "kLowerRunDeltas", lower_deltas, 12),
        "",
        "}  // namespace embplay::unicode_tables",
        "",
    ]
    return "\n".join(out), data_bytes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unicode-dir", default="/usr/share/unicode")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    for name in INPUT_FILES:
        if not os.path.isfile(os.path.join(args.unicode_dir, name)):
            sys.exit(f"generate_tables.py: {os.path.join(args.unicode_dir, name)} not found "
                     "(install Debian's unicode-data package or pass --unicode-dir)")
    text, _ = generate(args.unicode_dir)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
