#!/usr/bin/env python3
"""Precision of a dbzlint build on the triaged corpus (see docs/precision.md).

usage: evaluate.py JAR CHECKOUTS [-u]
  JAR        the dbzlint jar to measure (target/dbzlint.jar)
  CHECKOUTS  a folder holding each repository of repos.json as <owner>__<name>, at its commit
  -u         list the findings no verdict covers: they need triage before the numbers mean anything
  -f         list the findings triaged false, with the reason: the classes left to fix

Each repository is linted from its root as a new user would (lint --no-config -f json .). A
finding carries the verdict of the same rule, file, line, column and severity; verdicts are
judged against Debezium's code at the release the repository runs (the "why" says how).
"""
import collections, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
jar, checkouts = os.path.abspath(sys.argv[1]), sys.argv[2]
verdicts, reasons = {}, {}
for line in open(os.path.join(here, 'verdicts.jsonl'), encoding='utf-8'):
    v = json.loads(line)
    verdicts[(v['repo'], v['rule'], v['file'], v['line'], v['column'], v['severity'])] = v['verdict']
    reasons[(v['repo'], v['rule'], v['file'], v['line'], v['column'], v['severity'])] = v.get('why', '')
totals = collections.defaultdict(collections.Counter)
rules = collections.defaultdict(collections.Counter)
untriaged, false = [], []
for repo in json.load(open(os.path.join(here, 'repos.json'))):
    root = os.path.join(checkouts, repo['repo'].replace('/', '__', 1))
    if not os.path.isdir(root):
        print('missing checkout:', root, file=sys.stderr)
        continue
    run = subprocess.run(['java', '-jar', jar, 'lint', '--no-config', '-f', 'json', '.'], cwd=root,
                         capture_output=True, text=True)
    if not run.stdout.strip():
        continue  # nothing dbzlint reads as a connector (exit 2): kept in the corpus as such
    for f in json.loads(run.stdout)['findings']:
        if f['severity'] not in ('error', 'warning'):
            continue
        key = (repo['repo'], f['rule'], f['file'], f['line'], f['column'], f['severity'])
        verdict = verdicts.get(key, 'untriaged')
        totals[(repo['set'], f['severity'])][verdict] += 1
        rules[(f['severity'], f['rule'])][verdict] += 1
        if verdict == 'untriaged':
            untriaged.append((repo['repo'], f))
        elif verdict == 'false':
            false.append((repo['repo'], f, reasons[key]))
for key in sorted(totals):
    print('set %s %-8s %s' % (key[0], key[1], dict(totals[key])))
for key in sorted(rules):
    print('%-8s %-28s %s' % (key[0], key[1], dict(rules[key])))
if '-u' in sys.argv:
    for repo, f in untriaged:
        print('untriaged', repo, f['severity'], f['rule'], '%s:%d:%d' % (f['file'], f['line'], f['column']),
              f['message'][:150])
if '-f' in sys.argv:
    for repo, f, why in false:
        print('false', repo, f['severity'], f['rule'], '%s:%d:%d' % (f['file'], f['line'], f['column']),
              '--', why[:200])
