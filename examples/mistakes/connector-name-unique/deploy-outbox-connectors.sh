#!/bin/sh
# Deploys the outbox connectors of the orders and inventory services. Both are PUT under one
# name: Kafka Connect keeps one config per name, so the second replaces the first, which stops
# capturing without an error.
set -eu
CONNECT_URL="${CONNECT_URL:-http://connect:8083}"

curl -fsS -X PUT -H 'Content-Type: application/json' "$CONNECT_URL/connectors/orders-outbox/config" -d '{
  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
  "tasks.max": "1",
  "database.hostname": "mysql-inventory.prod.internal",
  "database.port": "3306",
  "database.user": "debezium",
  "database.password": "${file:/opt/kafka/secrets/inventory.properties:password}",
  "database.server.id": "184054",
  "database.include.list": "inventory",
  "table.include.list": "inventory.outbox",
  "topic.prefix": "mysql_prod",
  "schema.history.internal.kafka.bootstrap.servers": "kafka-1:9092,kafka-2:9092",
  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod",
  "include.schema.changes": "false",
  "tombstones.on.delete": "false",
  "transforms": "outbox",
  "transforms.outbox.type": "io.debezium.transforms.outbox.EventRouter",
  "transforms.outbox.route.by.field": "aggregatetype",
  "transforms.outbox.table.field.event.key": "aggregateid",
  "transforms.outbox.route.topic.replacement": "outbox.event.mysql.${routedByValue}",
  "key.converter": "org.apache.kafka.connect.storage.StringConverter",
  "value.converter": "org.apache.kafka.connect.json.JsonConverter",
  "value.converter.schemas.enable": "false"
}
'

curl -fsS -X PUT -H 'Content-Type: application/json' "$CONNECT_URL/connectors/orders-outbox/config" -d '{
  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
  "tasks.max": "1",
  "database.hostname": "postgres-orders.prod.internal",
  "database.port": "5432",
  "database.user": "debezium",
  "database.password": "${file:/opt/kafka/secrets/orders.properties:password}",
  "database.dbname": "orders",
  "topic.prefix": "postgres_prod",
  "plugin.name": "pgoutput",
  "slot.name": "debezium_orders",
  "publication.name": "dbz_orders",
  "publication.autocreate.mode": "filtered",
  "heartbeat.interval.ms": "10000",
  "table.include.list": "public.outbox",
  "tombstones.on.delete": "false",
  "transforms": "outbox",
  "transforms.outbox.type": "io.debezium.transforms.outbox.EventRouter",
  "transforms.outbox.route.by.field": "aggregatetype",
  "transforms.outbox.table.field.event.key": "aggregateid",
  "transforms.outbox.route.topic.replacement": "outbox.event.postgres.${routedByValue}",
  "key.converter": "org.apache.kafka.connect.storage.StringConverter",
  "value.converter": "org.apache.kafka.connect.json.JsonConverter",
  "value.converter.schemas.enable": "false"
}
'
