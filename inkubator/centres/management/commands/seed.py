from django.core.management.base import BaseCommand, CommandError

from inkubator.centres.demo import SCALES, seed_accounts, seed_registry


class Command(BaseCommand):
    help = "Load deterministic synthetic registry data (demo: ~300 centres; national: 4,700) and the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--no-accounts", action="store_true", help="Do not create the demo accounts.")

    def handle(self, *args, **options):
        if options["seed"] < 0:
            raise CommandError("--seed must be 0 or more")
        counts = seed_registry(scale=options["scale"], seed=options["seed"])
        if not options["no_accounts"]:
            seed_accounts()
            from inkubator.assessment.demo import seed_assessment

            rounds = seed_assessment(seed=options["seed"])
            from inkubator.selection.demo import seed_selection

            selection = seed_selection()
        self.stdout.write(
            "Registry: {centres} centres, {hosts} host institutions, {grants} grants, {outputs} training outputs.".format(
                **counts
            )
        )
        if not options["no_accounts"]:
            self.stdout.write(
                "Assessment: {verified} verified assessments in the finished round, "
                "{open_assessments} in the open round.".format(**rounds)
            )
            self.stdout.write("Selection: {weight_sets} weight sets, one published decision selecting {selected} centres.".format(
                **selection))
