# An example environment: every module wired together. Copy this folder per environment (or use
# workspaces) and set the site-specific values in terraform.tfvars (see terraform.tfvars.example).

locals {
  name_prefix = "flextime-${var.environment}"
  # The event contract's list of topics, read where it lives (path.root = this folder).
  topics_file = "${path.root}/../../../../events/src/main/resources/flextime/events/topics.txt"
}

# The functions' security group: the database, the cache and the brokers let it in.
resource "aws_security_group" "functions" {
  name        = "${local.name_prefix}-functions"
  description = "FlexTime Lambdas"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "functions_all" {
  security_group_id = aws_security_group.functions.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "PostgreSQL, Redis, Kafka, S3 and partner webhooks (through NAT)"
}

module "observability" {
  source = "../../modules/observability"

  name_prefix        = local.name_prefix
  topics_file        = local.topics_file
  event_lambdas      = module.functions.event_lambdas
  http_lambdas       = module.functions.http_lambdas
  failure_queues     = module.functions.failure_queues
  scheduler_dlq_name = module.triggers.scheduler_dlq_name
  kafka_cluster_name = module.messaging.cluster_name
  alarm_emails       = var.alarm_emails
}

module "storage" {
  source = "../../modules/storage"

  name_prefix          = local.name_prefix
  bucket_suffix        = var.bucket_suffix
  audit_retention_days = var.audit_retention_days
}

module "data" {
  source = "../../modules/data"

  name_prefix               = local.name_prefix
  vpc_id                    = var.vpc_id
  subnet_ids                = var.private_subnet_ids
  client_security_group_ids = [aws_security_group.functions.id]
  db_multi_az               = var.db_multi_az
  db_instance_class         = var.db_instance_class
  deletion_protection       = var.deletion_protection
  redis_replicas            = var.redis_replicas
}

module "messaging" {
  source = "../../modules/messaging"

  name_prefix               = local.name_prefix
  vpc_id                    = var.vpc_id
  subnet_ids                = var.private_subnet_ids
  client_security_group_ids = [aws_security_group.functions.id]
  broker_instance_type      = var.kafka_broker_instance_type
  log_retention_days        = var.log_retention_days
  logs_kms_key_arn          = module.observability.logs_kms_key_arn
}

module "functions" {
  source = "../../modules/functions"

  name_prefix        = local.name_prefix
  functions          = var.functions
  runtime_mode       = var.runtime_mode
  snap_start         = var.snap_start
  artifacts_dir      = var.artifacts_dir
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.functions.id]
  config = {
    pg_host         = module.data.db_host
    pg_port         = module.data.db_port
    db_name         = module.data.db_name
    redis_host      = module.data.redis_host
    redis_port      = module.data.redis_port
    kafka_bootstrap = module.messaging.bootstrap_brokers_sasl_iam
    buckets         = module.storage.bucket_names
    jwt = {
      jwks_url     = var.jwt_jwks_url
      issuer       = var.jwt_issuer
      audiences    = var.jwt_audiences
      tenant_claim = var.jwt_tenant_claim
      roles_claim  = var.jwt_roles_claim
    }
  }
  operator_principals = var.operator_principals
  bucket_arns         = module.storage.bucket_arns
  storage_kms_key_arn = module.storage.kms_key_arn
  secret_arns         = module.data.secret_arns
  kafka_cluster_arn   = module.messaging.cluster_arn
  log_retention_days  = var.log_retention_days
  logs_kms_key_arn    = module.observability.logs_kms_key_arn
}

module "triggers" {
  source = "../../modules/triggers"

  name_prefix         = local.name_prefix
  event_lambdas       = module.functions.event_lambdas
  uploads_bucket_name = module.storage.bucket_names["uploads"]
  uploads_bucket_arn  = module.storage.bucket_arns["uploads"]
  kafka_cluster_arn   = module.messaging.cluster_arn
}

module "api" {
  source = "../../modules/api"

  name_prefix            = local.name_prefix
  http_lambdas           = module.functions.http_lambdas
  jwt_issuer             = var.jwt_issuer
  jwt_audiences          = var.jwt_audiences
  jwt_scopes             = var.jwt_scopes
  throttling_rate_limit  = var.api_throttling_rate_limit
  throttling_burst_limit = var.api_throttling_burst_limit
  log_retention_days     = var.log_retention_days
  logs_kms_key_arn       = module.observability.logs_kms_key_arn
}
