import sys

from bench.registry.parent import main

sys.exit(main())
