"""pygbag_like: pack a pygame-ce game folder into a self-hosted web page."""

__version__ = "0.1.0"
