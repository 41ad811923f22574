"""Embedded datasets: aidtrack.datasets.cambodia()."""
