"""Coordination and cooperation records: TWG-MA, agreements, joint work, exchanges, deployments, procurement, MAPU planning."""
