# Convenience wrappers; everything also works with plain `python3 scripts/dev.py TASK`.
.PHONY: demo test bench fuzz
demo:
	python3 scripts/dev.py demo
test:
	python3 scripts/dev.py test
bench:
	python3 scripts/dev.py bench
fuzz:
	python3 scripts/dev.py fuzz
