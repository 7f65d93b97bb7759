"""Leaf of shared facts and types: the criteria catalog, municipalities, raw records and problem codes."""
