"""Generate this example's assets/ folder: two PNG sprites and two WAV sounds.

Uses only the Python standard library and pygame-ce, and always writes the same bytes:
    python make_assets.py
"""

import math
import struct
import wave
from pathlib import Path

import pygame

ASSETS = Path(__file__).parent / "assets"
RATE = 22050  # samples per second, mono, 16 bit


def write_wav(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", round(s * 32767)) for s in samples))


def blip() -> list[float]:
    """A short rising chirp with a fast decay."""
    n = int(RATE * 0.12)
    phase, out = 0.0, []
    for i in range(n):
        t = i / n
        phase += 2 * math.pi * (660 + 1100 * t) / RATE
        out.append(0.5 * math.sin(phase) * (1 - t) ** 2)
    return out


def music() -> list[float]:
    """Two seconds of a soft arpeggio that loops without a click."""
    notes = [262, 330, 392, 523, 392, 330, 294, 349]  # C E G C' G E D F
    per_note = RATE // 4
    out = []
    for freq in notes:
        for i in range(per_note):
            t = i / per_note
            env = min(1.0, t * 20) * (1 - t)
            tone = math.sin(2 * math.pi * freq * i / RATE)
            tone += 0.3 * math.sin(4 * math.pi * freq * i / RATE)
            out.append(0.25 * env * tone)
    return out


def player() -> pygame.Surface:
    surf = pygame.Surface((48, 48), pygame.SRCALPHA)
    pygame.draw.circle(surf, (240, 120, 40), (24, 24), 23)
    pygame.draw.circle(surf, (255, 180, 90), (18, 16), 8)
    for x in (17, 31):
        pygame.draw.circle(surf, "white", (x, 22), 6)
        pygame.draw.circle(surf, "black", (x + 2, 22), 3)
    pygame.draw.arc(surf, "black", (14, 24, 20, 14), math.pi * 1.1, math.pi * 1.9, 2)
    return surf


def star() -> pygame.Surface:
    surf = pygame.Surface((32, 32), pygame.SRCALPHA)
    points = []
    for k in range(10):
        radius = 15 if k % 2 == 0 else 6
        angle = math.pi / 2 + k * math.pi / 5
        points.append((16 + radius * math.cos(angle), 16 - radius * math.sin(angle)))
    pygame.draw.polygon(surf, (255, 220, 60), points)
    pygame.draw.polygon(surf, (200, 150, 20), points, 2)
    return surf


def main() -> None:
    ASSETS.mkdir(exist_ok=True)
    pygame.image.save(player(), str(ASSETS / "player.png"))
    pygame.image.save(star(), str(ASSETS / "star.png"))
    write_wav(ASSETS / "blip.wav", blip())
    write_wav(ASSETS / "music.wav", music())
    for path in sorted(ASSETS.iterdir()):
        print(f"wrote {path.name} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
