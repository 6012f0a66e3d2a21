"""Test fixtures made on the fly: images in every format pygame users expect, sounds, fonts."""

import struct
from pathlib import Path

RED = (220, 30, 40)
SIZE = (12, 8)


def make_images(folder: Path) -> dict[str, str]:
    """Write a 12x8 red image per format; returns file name -> format label."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", SIZE, RED)
    made = {}
    for name, fmt in [("img.png", "PNG"), ("img.jpg", "JPEG"), ("img.gif", "GIF"),
                      ("img.bmp", "BMP"), ("img.tga", "TGA"), ("img.webp", "WEBP"),
                      ("img.qoi", "QOI"), ("img.ppm", "PPM"), ("img.pcx", "PCX")]:
        image.save(folder / name, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
        made[name] = fmt
    image.convert("L").save(folder / "img.pgm", "PPM")
    made["img.pgm"] = "PGM"
    (folder / "img.xpm").write_text(_xpm())
    made["img.xpm"] = "XPM"
    (folder / "img.lbm").write_bytes(_ilbm())
    made["img.lbm"] = "LBM"
    (folder / "img.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE[0]}" height="{SIZE[1]}">'
        f'<rect width="{SIZE[0]}" height="{SIZE[1]}" fill="rgb{RED}"/></svg>'
    )
    made["img.svg"] = "SVG"
    return made


def _xpm() -> str:
    width, height = SIZE
    rows = ",\n".join(f'"{"r" * width}"' for _ in range(height))
    return (f'/* XPM */\nstatic char *img[] = {{\n"{width} {height} 1 1",\n'
            f'"r c #{RED[0]:02x}{RED[1]:02x}{RED[2]:02x}",\n{rows}\n}};\n')


def _ilbm() -> bytes:
    """An uncompressed 1-bitplane IFF ILBM whose colour 1 is RED, every pixel set."""
    width, height = SIZE
    row_bytes = ((width + 15) // 16) * 2
    bmhd = struct.pack(">HHhhBBBBHBBhh", width, height, 0, 0, 1, 0, 0, 0, 0, 1, 1, width, height)
    cmap = bytes((0, 0, 0)) + bytes(RED)
    body = bytes([0xFF] * row_bytes) * height

    def chunk(tag: bytes, data: bytes) -> bytes:
        return tag + struct.pack(">I", len(data)) + data + (b"\0" if len(data) % 2 else b"")

    form = b"ILBM" + chunk(b"BMHD", bmhd) + chunk(b"CMAP", cmap) + chunk(b"BODY", body)
    return b"FORM" + struct.pack(">I", len(form)) + form


SOUND_SECONDS = 0.5


def make_sounds(folder: Path) -> list[str]:
    """Write a 0.5 s 440 Hz tone as WAV, OGG Vorbis, MP3 and FLAC; returns the file names."""
    import numpy as np
    import soundfile

    folder.mkdir(parents=True, exist_ok=True)
    rate = 44100
    t = np.arange(int(rate * SOUND_SECONDS)) / rate
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype("float32")
    names = []
    for ext, fmt, subtype in [("wav", "WAV", "PCM_16"), ("ogg", "OGG", "VORBIS"),
                              ("mp3", "MP3", "MPEG_LAYER_III"), ("flac", "FLAC", "PCM_16")]:
        soundfile.write(folder / f"tone.{ext}", tone, rate, format=fmt, subtype=subtype)
        names.append(f"tone.{ext}")
    return names


def make_fonts(folder: Path) -> list[str]:
    """Write a TrueType (glyf) and an OpenType (CFF) font with a square 'A'; returns names."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for ext, cff in (("ttf", False), ("otf", True)):
        builder = FontBuilder(1000, isTTF=not cff)
        builder.setupGlyphOrder([".notdef", "A", "space"])
        builder.setupCharacterMap({ord("A"): "A", ord(" "): "space"})
        pen = T2CharStringPen(600, None) if cff else TTGlyphPen(None)
        pen.moveTo((50, 0))
        pen.lineTo((50, 700))
        pen.lineTo((550, 700))
        pen.lineTo((550, 0))
        pen.closePath()
        if cff:
            empty = T2CharStringPen(600, None)
            builder.setupCFF("TestFont", {}, {".notdef": empty.getCharString(),
                                              "A": pen.getCharString(),
                                              "space": empty.getCharString()}, {})
        else:
            builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "A": pen.glyph(),
                               "space": TTGlyphPen(None).glyph()})
        builder.setupHorizontalMetrics({".notdef": (600, 0), "A": (600, 50), "space": (300, 0)})
        builder.setupHorizontalHeader(ascent=800, descent=-200)
        builder.setupNameTable({"familyName": "TestFont", "styleName": "Regular"})
        builder.setupOS2()
        builder.setupPost()
        builder.save(folder / f"test.{ext}")
        names.append(f"test.{ext}")
    return names
