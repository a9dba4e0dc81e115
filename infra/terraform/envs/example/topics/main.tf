# Stage 2 of a deployment: the Kafka topics, created by the Kafka provider from the event contract's
# topics.txt. Run it from a host that reaches the brokers' TLS listener (a CI runner or bastion in
# the VPC), after envs/example:
#
#   terraform -chdir=infra/terraform/envs/example/topics apply \
#     -var "bootstrap_servers=$(terraform -chdir=infra/terraform/envs/example output -raw kafka_bootstrap_brokers_tls)"

terraform {
  required_version = ">= 1.5"
  required_providers {
    kafka = {
      source  = "Mongey/kafka"
      version = "~> 0.7"
    }
  }
}

variable "bootstrap_servers" {
  description = "Comma-separated TLS bootstrap brokers (output kafka_bootstrap_brokers_tls of envs/example)."
  type        = string
}

variable "replication_factor" {
  type    = number
  default = 3
}

provider "kafka" {
  bootstrap_servers = split(",", var.bootstrap_servers)
  tls_enabled       = true
}

module "topics" {
  source             = "../../../modules/topics"
  topics_file        = "${path.root}/../../../../../events/src/main/resources/flextime/events/topics.txt"
  replication_factor = var.replication_factor
}

output "topics" {
  value = module.topics.topics
}
