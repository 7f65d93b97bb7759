"""kompass: KommunKompassen evaluation reports turned into research-grade datasets."""

__version__ = "0.1.0"
