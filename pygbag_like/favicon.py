"""favicon.png for the page: the game's icon fitted into a square, or a generated default."""

from pathlib import Path

from PIL import Image, ImageDraw

from pygbag_like.errors import ConfigError

SIZE = 192
_SUPERSAMPLE = 4


def write_favicon(icon: Path | None, dest: Path) -> None:
    """Write a SIZE x SIZE PNG to `dest` from `icon` (any format Pillow reads) or a default.

    The icon keeps its aspect ratio on a transparent square; a small icon is scaled up by a whole
    factor without smoothing, so pixel art stays crisp.
    """
    image = _default_icon() if icon is None else _fitted(_open_icon(icon))
    image.save(dest, format="PNG")


def _open_icon(icon: Path) -> Image.Image:
    try:
        with Image.open(icon) as image:
            return image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise ConfigError(
            f"cannot read the icon {icon}: {error}; use a PNG, JPEG, GIF or WebP image"
        ) from error


def _fitted(image: Image.Image) -> Image.Image:
    width, height = image.size
    factor = SIZE // max(width, height)
    if factor >= 2:  # a small icon, likely pixel art
        image = image.resize((width * factor, height * factor), Image.Resampling.NEAREST)
    else:
        scale = SIZE / max(width, height)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    square.paste(image, ((SIZE - image.width) // 2, (SIZE - image.height) // 2))
    return square


def _default_icon() -> Image.Image:
    """A blue rounded square with a white "play" triangle, drawn large then scaled down."""
    big = SIZE * _SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=(37, 99, 235, 255))
    draw.polygon(
        [(big * 0.38, big * 0.28), (big * 0.38, big * 0.72), (big * 0.74, big * 0.5)],
        fill=(255, 255, 255, 255),
    )
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
