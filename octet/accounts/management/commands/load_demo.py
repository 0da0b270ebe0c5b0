from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from octet.accounts.demo import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts and print how to sign in with them."

    def handle(self, *args, **options):
        User = get_user_model()
        for demo in DEMO_ACCOUNTS:
            user, _ = User.objects.update_or_create(
                username=demo.username,
                defaults={
                    "email": demo.email,
                    "first_name": demo.first_name,
                    "last_name": demo.last_name,
                    "language": demo.language,
                    "is_staff": demo.is_staff,
                    "is_superuser": demo.is_superuser,
                    "terms_version": settings.OCTET_TERMS_VERSION,
                    "terms_accepted_at": timezone.now(),
                },
            )
            user.set_password(demo.password)
            user.save()
        self.stdout.write("Demo accounts (sign in with the e-mail or the username):")
        for demo in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {demo.role:<29} {demo.email:<29} {demo.username:<14} password: {demo.password}"
            )
