# Stage 2 of a deployment: the Kafka topics, created by the Kafka provider from the event contract's
# topics.txt. Run it from a host that reaches the brokers (a CI runner or bastion in the VPC), with AWS
# credentials whose role may create topics (kafka-cluster:CreateTopic, DescribeTopic, AlterTopic on the
# cluster's topics: IAM authentication is the only way in), after envs/example:
#
#   terraform -chdir=infra/terraform/envs/example/topics apply \
#     -var "bootstrap_servers=$(terraform -chdir=infra/terraform/envs/example output -raw kafka_bootstrap_brokers_sasl_iam)"

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
  description = "Comma-separated TLS + IAM bootstrap brokers (output kafka_bootstrap_brokers_sasl_iam of envs/example)."
  type        = string
}

variable "region" {
  description = "The cluster's region (IAM authentication signs for it)."
  type        = string
}

variable "replication_factor" {
  type    = number
  default = 3
}

provider "kafka" {
  bootstrap_servers = split(",", var.bootstrap_servers)
  tls_enabled       = true
  sasl_mechanism    = "aws-iam"
  sasl_aws_region   = var.region
}

module "topics" {
  source             = "../../../modules/topics"
  topics_file        = "${path.root}/../../../../../events/src/main/resources/flextime/events/topics.txt"
  replication_factor = var.replication_factor
}

output "topics" {
  value = module.topics.topics
}
