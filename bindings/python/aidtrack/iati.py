"""IATI import and export: load_iati, warnings as DataFrames, frames of every IATI part."""
__all__: list = []
