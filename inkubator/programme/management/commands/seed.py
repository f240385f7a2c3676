from django.core.management.base import BaseCommand, CommandError

from inkubator.programme.demo import SCALES, seed_demo


class Command(BaseCommand):
    help = (
        "Load deterministic synthetic data (demo: ~300 centres; national: 4,700), the demo accounts, and — "
        "once — the demo assessment rounds and selection."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--no-accounts", action="store_true", help="Only the registry: no accounts, rounds or selection."
        )

    def handle(self, *args, **options):
        if options["seed"] < 0:
            raise CommandError("--seed must be 0 or more")
        out = seed_demo(scale=options["scale"], seed=options["seed"], accounts=not options["no_accounts"])
        self.stdout.write(
            "Registry: {centres} centres, {hosts} host institutions, {grants} grants, {outputs} training outputs.".format(
                **out["registry"]
            )
        )
        if out.get("loaded_before"):
            self.stdout.write("Assessment and selection: already loaded; nothing added.")
        if "assessment" in out:
            self.stdout.write(
                "Assessment: {verified} verified assessments in the finished round, "
                "{open_assessments} in the open round.".format(**out["assessment"])
            )
            self.stdout.write(
                "Selection: {weight_sets} weight sets, one published decision selecting {selected} centres.".format(
                    **out["selection"]
                )
            )
