#!/usr/bin/env python3
"""Independent reference for random_test.cpp: SplitMix64-seeded xoshiro128**, first outputs for seed 1."""
M = 2**64 - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def rotl(v, k):
    return ((v << k) | (v >> (32 - k))) & 0xFFFFFFFF


def first_outputs(seed, n):
    x, s = seed, []
    for _ in range(4):
        x, z = splitmix64(x)
        s.append((z >> 32) & 0xFFFFFFFF)
    out = []
    for _ in range(n):
        out.append((rotl((s[1] * 5) & 0xFFFFFFFF, 7) * 9) & 0xFFFFFFFF)
        t = (s[1] << 9) & 0xFFFFFFFF
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)
    return out


if __name__ == "__main__":
    print(first_outputs(1, 4))
