"""Checks the editor schemas with Python jsonschema (Draft 7): each schema is valid against its
meta-schema, and the cases in cases.json are accepted or rejected.
Usage: python3 jsonschema-check.py SCHEMA_DIR (run from the repository root by check-schemas)"""
import json
import pathlib
import sys
from importlib.metadata import version

import jsonschema
import yaml

schema_dir = pathlib.Path(sys.argv[1])
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL jsonschema: " + message, file=sys.stderr)


validators = {}
for file in sorted(schema_dir.glob("*.json")):
    schema = json.loads(file.read_text(encoding="utf-8"))
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        fail(f"{file.name} is no valid draft-07 schema: {e.message}")
        continue
    validators[file.stem] = jsonschema.Draft7Validator(schema)


def documents(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if path.endswith((".yaml", ".yml")):
        # SafeLoader types scalars as the YAML language server does (tasksMax: 1 is a number)
        return [document for document in yaml.load_all(text, Loader=yaml.SafeLoader) if document is not None]
    return [json.loads(text)]


cases = json.loads(pathlib.Path(".ci/schemas/cases.json").read_text(encoding="utf-8"))["cases"]
for case in cases:
    schema, document, rejects = case["schema"], case["document"], case.get("rejects")
    validator = validators.get(schema)
    if validator is None:
        fail(f"no schema {schema} for {document}")
        continue
    errors = []
    for index, value in enumerate(documents(document), 1):
        for error in validator.iter_errors(value):
            errors.append(f"document {index}: {list(error.absolute_path)} {error.message}")
    if rejects is None and errors:
        fail(f"{schema} refuses {document}:\n  " + "\n  ".join(errors))
    elif rejects is not None and not any(rejects in error for error in errors):
        fail(f"{schema} does not refuse {rejects} in {document}: {'; '.join(errors) or 'no errors'}")

print(f"jsonschema {version('jsonschema')}: {len(validators)} schemas, {len(cases)} cases, {failures} failures")
sys.exit(0 if failures == 0 else 1)
