from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from octet.accounts.demo import DEMO_ACCOUNTS
from octet.learning.demo import fill_demo_profile


class Command(BaseCommand):
    help = "Give the demo learner a partly filled profile (a few finished tests, one in progress)."

    def handle(self, *args, **options):
        username = next(d.username for d in DEMO_ACCOUNTS if d.role == "learner")
        user = get_user_model().objects.get(username=username)
        if fill_demo_profile(user):
            self.stdout.write(f"Demo learner {username}: profile filled.")
        else:
            self.stdout.write(f"Demo learner {username}: profile already filled.")
