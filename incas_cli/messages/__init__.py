"""Every string a user reads, in Italian, in one package.

One module per area (``io``, ``checks``, ``cli``, ``render``, ``wizard``, ...). Code
elsewhere never writes user-facing Italian text inline: it imports a constant from here
and fills its ``{placeholders}`` with ``str.format``. Another language can follow by
providing the same names.
"""
