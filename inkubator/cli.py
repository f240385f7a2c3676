"""The `inkubator` console script: manage.py with the project's settings, plus a few shortcuts.

inkubator demo              migrate, load demo data, print the accounts, serve
inkubator serve [PORT]      serve the application (development server)
inkubator seed --scale demo|national --seed N
inkubator mcda INPUT.json   (decision methods; see docs)
inkubator <any manage.py command>
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkubator.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["inkubator", *sys.argv[1:]])


if __name__ == "__main__":
    main()
