// Checks the editor schemas with ajv in its default strict mode (new Ajv(), draft-07): each must
// compile, with no warning either, and the cases in cases.json must be accepted or rejected.
// Usage: node ajv-check.cjs NODE_MODULES SCHEMA_DIR (run from the repository root by check-schemas)
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, schemaDir] = process.argv.slice(2);
const Ajv = require(path.join(modules, 'ajv'));
const YAML = require(path.join(modules, 'yaml'));

let failures = 0;
const fail = (message) => { failures++; console.error('FAIL ajv: ' + message); };
const warnings = [];
const logger = { log() {}, warn: (...args) => warnings.push(args.join(' ')), error: (...args) => warnings.push(args.join(' ')) };

const validators = {};
for (const file of fs.readdirSync(schemaDir).filter((name) => name.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/, '');
  warnings.length = 0;
  try {
    validators[name] = new Ajv({ logger }).compile(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
  } catch (e) {
    fail(`${file} does not compile in strict mode: ${e.message}`);
    continue;
  }
  warnings.forEach((warning) => fail(`${file}: ${warning}`));
}

function documents(file) {
  const text = fs.readFileSync(file, 'utf8');
  return /\.ya?ml$/.test(file) ? YAML.parseAllDocuments(text).map((document) => document.toJS()) : [JSON.parse(text)];
}

const { cases } = JSON.parse(fs.readFileSync('.ci/schemas/cases.json', 'utf8'));
for (const { schema, document, rejects } of cases) {
  const validate = validators[schema];
  if (!validate) {
    fail(`no schema ${schema} for ${document}`);
    continue;
  }
  const errors = [];
  documents(document).forEach((value, index) => {
    if (!validate(value)) {
      errors.push(...validate.errors.map((error) => `document ${index + 1}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`));
    }
  });
  if (rejects === undefined && errors.length > 0) {
    fail(`${schema} refuses ${document}:\n  ${errors.join('\n  ')}`);
  } else if (rejects !== undefined && !errors.some((error) => error.includes(rejects))) {
    fail(`${schema} does not refuse ${rejects} in ${document}: ${errors.join('; ') || 'no errors'}`);
  }
}
console.log(`ajv ${require(path.join(modules, 'ajv', 'package.json')).version}: ${Object.keys(validators).length} schemas, ${cases.length} cases, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
