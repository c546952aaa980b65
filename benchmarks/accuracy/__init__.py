"""Accuracy harness: detectors measured on external labelled data (see docs/accuracy.md)."""
