from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from editorial.setup import MODERATORS, set_up_editorial_team


class Command(BaseCommand):
    help = _(
        "Create or repair the Editors and Moderators groups and the Review and publish "
        "workflow (migrate does this too)."
    )

    def handle(self, *args, **options):
        workflow = set_up_editorial_team()
        if workflow is None:
            self.stderr.write(_("Run migrate first: Wagtail's page tree does not exist yet."))
            return
        self.stdout.write(
            _('Editors and Moderators are set up; "%(workflow)s" is approved by %(group)s.')
            % {"workflow": workflow.name, "group": MODERATORS}
        )
