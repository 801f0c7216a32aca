#!/usr/bin/env python3
"""Writes timer-end.wav: the short chime the session timer plays at zero.

Two soft bell tones (A5, then E6) with a fast attack and an exponential
decay; 22.05 kHz mono 16-bit, under a second, so it is small enough to
compile into the app's GResource. Run it again to change the sound:
    python3 data/sounds/make-chime.py data/sounds/timer-end.wav
"""
import math
import struct
import sys
import wave

RATE = 22050


def bell(freq, start, length, total):
    samples = [0.0] * total
    first = int(start * RATE)
    for i in range(int(length * RATE)):
        t = i / RATE
        attack = min(1.0, t / 0.005)
        decay = math.exp(-t * 5.0)
        # A quiet octave overtone makes it a bell rather than a beep.
        value = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
        if first + i < total:
            samples[first + i] = attack * decay * value
    return samples


def main(path):
    total = int(0.9 * RATE)
    a = bell(880.0, 0.0, 0.9, total)
    e = bell(1318.5, 0.18, 0.72, total)
    mixed = [x + y for x, y in zip(a, e)]
    peak = max(abs(v) for v in mixed) or 1.0
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(v / peak * 0.6 * 32767)) for v in mixed))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "timer-end.wav")
