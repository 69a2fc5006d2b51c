"""``python -m checker`` runs the ``reslint`` command."""

from checker.cli import run

if __name__ == "__main__":
    run()
