import pytest

from tests.portal.public.walk import COMPLAINT


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def answers():
    return {step: dict(values) for step, values in COMPLAINT.items()}


@pytest.fixture
def pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name: str = "letter.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, b"%PDF-1.4\n% a test\n", content_type="application/pdf")

    return make
