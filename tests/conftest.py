import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Tests read English unless they choose French; the product default stays French."""
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return "Secret-Pass1"


@pytest.fixture
def learner(django_user_model, password):
    from octet.accounts import services

    return services.sign_up(
        first_name="Léa",
        last_name="Martin",
        email="lea@example.org",
        password=password,
        language="en",
    )
