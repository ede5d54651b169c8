"""incas: drafting Piani Locali Multisettoriali against labour exploitation in agriculture."""

__version__ = "0.1.0"
