"""The rule engine: rule files (YAML) in, findings out.

Public entry points (imported lazily by the CLI and the pipeline):

- ``checker.rules.engine``: ``load_ruleset``, ``lint``, ``RuleSet``
- ``checker.rules.config``: ``resolve_config``, ``Config``
- ``checker.rules.errors``: ``RuleFileError``
- ``checker.rules.explain``: ``format_rule_list``, ``format_explanation``
- ``checker.rules.examples``: ``run_examples``
- ``checker.rules.cache``: ``clear_cache``

Nothing here imports pyparsing or the report package; ruamel.yaml and
jsonschema are imported only when a rule or config file must be (re)validated.
"""
