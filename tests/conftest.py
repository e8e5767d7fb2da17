import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests render templates without running collectstatic, so no manifest is needed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that make many staff use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def brighter(db):
    """Brighter Places on its 2022 policy, with a person in every role and a customer."""
    from tests.factories import Org

    return Org("brighter", "Brighter Places", "brighter-places-2022", "BP")


@pytest.fixture
def great(db):
    """Great Places on its policy, with a person in every role and a customer."""
    from tests.factories import Org

    return Org("great", "Great Places", "great-places", "GP")
