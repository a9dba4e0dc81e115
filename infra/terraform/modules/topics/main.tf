# Every topic of the event contract, read from events/src/main/resources/flextime/events/topics.txt
# (one per line; the `.dlq` topics last). Reading the file itself, rather than a copy of the list,
# means a new event type needs no Terraform change: add it to events/, re-apply this module.
#
# The Kafka provider connects to the brokers, so this module is applied from a host that reaches
# the cluster's TLS listener (a CI runner or bastion in the VPC): see envs/example/topics.

locals {
  topics     = toset(compact([for line in split("\n", file(var.topics_file)) : trimspace(line)]))
  dlq_topics = toset([for t in local.topics : t if endswith(t, ".dlq")])
}

resource "kafka_topic" "this" {
  for_each           = local.topics
  name               = each.value
  partitions         = contains(local.dlq_topics, each.value) ? var.dlq_partitions : var.partitions
  replication_factor = var.replication_factor
  config = {
    "min.insync.replicas" = tostring(min(2, var.replication_factor))
    "cleanup.policy"      = "delete"
    "retention.ms"        = tostring(contains(local.dlq_topics, each.value) ? var.dlq_retention_days * 86400000 : var.retention_days * 86400000)
  }
}
