"""The demo accounts that `make run` creates and prints (never loaded in production)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    email: str
    first_name: str
    last_name: str
    password: str
    language: str = "fr"
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        "learner", "lea.martin", "learner@octet.localhost", "Léa", "Martin", "Learner-2026"
    ),
    DemoAccount(
        "trainer", "samir.haddad", "trainer@octet.localhost", "Samir", "Haddad", "Trainer-2026"
    ),
    DemoAccount(
        "certification centre member",
        "ines.dubois",
        "centre@octet.localhost",
        "Inès",
        "Dubois",
        "Centre-2026",
    ),
    DemoAccount(
        "invigilator",
        "tom.evans",
        "invigilator@octet.localhost",
        "Tom",
        "Evans",
        "Invigilator-2026",
        language="en",
    ),
    DemoAccount(
        "superuser",
        "admin",
        "admin@octet.localhost",
        "Ada",
        "Admin",
        "Admin-2026",
        language="en",
        is_staff=True,
        is_superuser=True,
    ),
)
