from pathlib import Path

import pytest
from PIL import Image

from pygbag_like.errors import ConfigError
from pygbag_like.favicon import SIZE, write_favicon


def read(path: Path) -> Image.Image:
    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.convert("RGBA")


def test_default_icon(tmp_path: Path) -> None:
    dest = tmp_path / "favicon.png"
    write_favicon(None, dest)
    image = read(dest)
    assert image.size == (SIZE, SIZE)
    assert image.getpixel((0, 0))[3] == 0  # rounded, transparent corner
    red, _, blue, alpha = image.getpixel((SIZE // 10, SIZE // 2))
    assert alpha == 255 and blue > red
    assert image.getpixel((SIZE // 2, SIZE // 2)) == (255, 255, 255, 255)


def test_default_icon_is_deterministic(tmp_path: Path) -> None:
    write_favicon(None, tmp_path / "a.png")
    write_favicon(None, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_large_wide_icon_keeps_aspect_with_transparent_padding(tmp_path: Path) -> None:
    icon = tmp_path / "icon.jpg"
    Image.new("RGB", (400, 200), (255, 0, 0)).save(icon)
    write_favicon(icon, tmp_path / "favicon.png")
    image = read(tmp_path / "favicon.png")
    assert image.size == (SIZE, SIZE)
    assert image.getpixel((SIZE // 2, 10))[3] == 0
    assert image.getbbox() == (0, SIZE // 4, SIZE, SIZE * 3 // 4)
    red, green, blue, alpha = image.getpixel((SIZE // 2, SIZE // 2))
    assert red > 240 and green < 16 and blue < 16 and alpha == 255


def test_small_icon_is_scaled_up_crisply(tmp_path: Path) -> None:
    icon = tmp_path / "icon.gif"
    pixels = Image.new("RGBA", (2, 2), (0, 0, 0, 0))
    pixels.putpixel((0, 0), (255, 255, 255, 255))
    pixels.putpixel((1, 1), (0, 128, 0, 255))
    pixels.save(icon)
    write_favicon(icon, tmp_path / "favicon.png")
    image = read(tmp_path / "favicon.png")
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)
    assert image.getpixel((SIZE // 2 - 1, SIZE // 2 - 1)) == (255, 255, 255, 255)
    assert image.getpixel((SIZE // 2, SIZE // 2))[:3] == (0, 128, 0)
    assert image.getpixel((SIZE - 1, 0))[3] == 0


def test_invalid_icon(tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_text("not an image")
    with pytest.raises(ConfigError, match=r"^cannot read the icon .*icon\.png: .*use a PNG"):
        write_favicon(icon, tmp_path / "favicon.png")
    assert not (tmp_path / "favicon.png").exists()


def test_missing_icon(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read the icon .*nope\.png"):
        write_favicon(tmp_path / "nope.png", tmp_path / "favicon.png")
