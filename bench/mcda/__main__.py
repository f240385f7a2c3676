import sys

from bench.mcda import main

sys.exit(main())
