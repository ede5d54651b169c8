"""The document templates, shipped inside the wheel as the package ``incas_cli.templates``.

pyproject.toml maps this folder to that package (``[tool.setuptools.package-dir]``), so the
repository keeps one copy and no symlink; read the files through
:func:`incas_cli.resources.template_file`. This file makes the folder a regular package, so
that editable installs find it too.
"""
