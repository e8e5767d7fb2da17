"""WCAG contrast for brand colours behind white text (the staff header)."""

import pytest

from putright.domain.colour import WHITE, contrast_ratio, is_hex_colour, readable_behind_white_text


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54), ("#1d70b8", 5.17), ("#f47738", 2.78)],
)
def test_contrast_with_white_matches_wcag(colour, ratio):
    assert contrast_ratio(colour, WHITE) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(WHITE, colour) == contrast_ratio(colour, WHITE)


def test_aa_for_normal_text_is_four_and_a_half_to_one():
    assert readable_behind_white_text("#767676")  # 4.54
    assert not readable_behind_white_text("#777777")  # 4.48
    assert readable_behind_white_text("#00703C")


@pytest.mark.parametrize("value", ["1d70b8", "#1d70b", "#1d70b8 ", "#gggggg", "red", "#fff", ""])
def test_only_six_digit_hex_is_a_colour(value):
    assert not is_hex_colour(value)
    assert not readable_behind_white_text(value)
    if value:
        with pytest.raises(ValueError, match="six-digit hex"):
            contrast_ratio(value, WHITE)
