"""Brand colours and WCAG contrast: a landlord's colour is the staff header's background behind white text,
so it must reach WCAG 2.2 AA's 4.5:1 for normal text (success criterion 1.4.3)."""

from __future__ import annotations

import re

WHITE = "#ffffff"
AA_NORMAL_TEXT = 4.5
"""The least contrast WCAG 2.2 AA allows between normal-size text and its background."""

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def is_hex_colour(value: str) -> bool:
    """Six-digit hex with a leading #, e.g. #1d70b8 (the only form stored, so pages can use it as it is)."""
    return bool(_HEX.fullmatch(value))


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of a six-digit hex colour."""
    if not is_hex_colour(colour):
        raise ValueError(f"{colour!r} is not a six-digit hex colour such as #1d70b8")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_behind_white_text(colour: str) -> bool:
    """Whether white text on `colour` reaches AA for normal text."""
    return is_hex_colour(colour) and contrast_ratio(colour, WHITE) >= AA_NORMAL_TEXT
