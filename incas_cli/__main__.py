from incas_cli.cli import main

main()
