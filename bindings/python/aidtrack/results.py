"""Results frameworks, mine action records (hazards, land release, casualties) and forecasts."""
