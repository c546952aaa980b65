"""``python -m benchmarks.accuracy``: run the accuracy harness."""

from benchmarks.accuracy.run import main

raise SystemExit(main())
