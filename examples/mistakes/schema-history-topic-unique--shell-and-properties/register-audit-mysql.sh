#!/usr/bin/env bash
# Registers the audit connector with the Kafka Connect REST API.
set -euo pipefail
CONNECT_URL="${CONNECT_URL:-http://localhost:8083}"

curl -sS -X PUT -H 'Content-Type: application/json' "$CONNECT_URL/connectors/audit-mysql/config" --data @- <<'JSON'
{
  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
  "name": "audit-mysql",
  "tasks.max": "1",
  "database.hostname": "mysql-inventory.prod.internal",
  "database.port": "3306",
  "database.user": "debezium",
  "database.password": "${file:/opt/kafka/secrets/inventory.properties:password}",
  "database.server.id": "184055",
  "database.include.list": "audit",
  "topic.prefix": "mysql_audit",
  "schema.history.internal.kafka.bootstrap.servers": "kafka-1:9092",
  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod"
}
JSON
