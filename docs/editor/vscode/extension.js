// A minimal VS Code client for `dbzlint lsp`: starts the server over stdio for the files lint
// reads. Not built in CI; see README.md beside it.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('dbzlint').get('path', 'dbzlint');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('dbzlint', 'dbzlint', { run: server, debug: server }, {
    documentSelector: ['json', 'yaml', 'properties', 'shellscript', 'markdown']
      .map((language) => ({ scheme: 'file', language })),
  });
  // the server asks for workspace/didChangeWatchedFiles itself (dynamic registration)
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
