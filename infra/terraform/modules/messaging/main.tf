# Amazon MSK, provisioned, one broker per private subnet (availability zone).
#
# Why provisioned and not MSK Serverless: Serverless accepts IAM authentication only, which needs
# the aws-msk-iam-auth SASL module in every function; the functions speak plain Kafka over TLS
# (FLEXTIME_KAFKA_BOOTSTRAP + FLEXTIME_KAFKA_SECURITY_PROTOCOL=SSL). Access is limited by security
# groups: only the functions and the Lambda event pollers (which run in this cluster's security
# group) reach the TLS listener (9094).
#
# Topics are not created here: the AWS provider has no resource for them. modules/topics creates
# them with a Kafka provider from events/.../topics.txt, run from inside the VPC once the cluster is
# up (README, step 4). Automatic topic creation is off so that a typo in a topic name fails loudly.

resource "aws_kms_key" "msk" {
  description             = "${var.name_prefix}: MSK broker storage"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "msk" {
  name          = "alias/${var.name_prefix}-msk"
  target_key_id = aws_kms_key.msk.key_id
}

resource "aws_security_group" "msk" {
  name        = "${var.name_prefix}-msk"
  description = "MSK brokers: TLS listener for the functions and the Lambda event pollers"
  vpc_id      = var.vpc_id
}

# Lambda event source mappings poll from ENIs that carry the cluster's own security group.
resource "aws_vpc_security_group_ingress_rule" "msk_self" {
  security_group_id            = aws_security_group.msk.id
  referenced_security_group_id = aws_security_group.msk.id
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9094
  description                  = "Kafka TLS from the event pollers"
}

resource "aws_vpc_security_group_ingress_rule" "msk_clients" {
  for_each                     = toset(var.client_security_group_ids)
  security_group_id            = aws_security_group.msk.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9094
  description                  = "Kafka TLS from a client security group"
}

resource "aws_vpc_security_group_egress_rule" "msk_all" {
  security_group_id = aws_security_group.msk.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "Event pollers reach Lambda and STS (VPC endpoints or NAT)"
}

resource "aws_msk_configuration" "this" {
  name           = "${var.name_prefix}-kafka"
  kafka_versions = [var.kafka_version]
  server_properties = join("\n", [
    "auto.create.topics.enable=false",
    "default.replication.factor=${min(3, length(var.subnet_ids))}",
    "min.insync.replicas=${min(2, length(var.subnet_ids))}",
    "num.partitions=${var.default_partitions}",
    "unclean.leader.election.enable=false",
    "log.retention.hours=${var.retention_hours}",
  ])
}

resource "aws_cloudwatch_log_group" "broker" {
  name              = "/aws/msk/${var.name_prefix}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}

resource "aws_msk_cluster" "this" {
  cluster_name           = "${var.name_prefix}-kafka"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = length(var.subnet_ids) * var.brokers_per_az
  enhanced_monitoring    = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gb
      }
    }
  }

  # IAM authentication only (SASL AWS_MSK_IAM over TLS, port 9098): a client needs the kafka-cluster
  # actions of its role (modules/functions/iam.tf); no anonymous or plaintext client is accepted.
  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.broker.name
      }
    }
  }
}
