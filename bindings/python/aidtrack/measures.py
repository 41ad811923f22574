"""Aid-effectiveness measures (alignment, harmonization, predictability, fragmentation) as DataFrames."""
