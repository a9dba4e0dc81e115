# PostgreSQL 15 (RDS) and Redis (ElastiCache), both private, encrypted at rest with this module's
# KMS key and in transit (rds.force_ssl, Redis TLS + AUTH token). Credentials are generated here and
# kept in Secrets Manager; the functions module reads them from there.
#
# Roles: the owner `flextime` runs migrations (`./flextime db migrate`) and the backup function;
# the functions connect as `flextime_app`, which the migrations create NOLOGIN and subject to
# row-level security; the deploy guide (README) gives it a login with the password stored here.

resource "aws_kms_key" "data" {
  description             = "${var.name_prefix}: RDS, ElastiCache and their secrets"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name_prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

# ---- PostgreSQL ----

resource "aws_security_group" "postgres" {
  name        = "${var.name_prefix}-postgres"
  description = "PostgreSQL: reachable from the functions only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each                     = toset(var.client_security_group_ids)
  security_group_id            = aws_security_group.postgres.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from a client security group"
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name_prefix}-postgres"
  subnet_ids = var.subnet_ids
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name_prefix}-postgres15"
  family = "postgres15"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }
}

resource "random_password" "db_owner" {
  length  = 32
  special = false
}

resource "random_password" "db_app" {
  length  = 32
  special = false
}

# The backup function's role flextime_backup (migration V71: not a superuser); README step 5 gives it
# this password.
resource "random_password" "db_backup" {
  length  = 32
  special = false
}

resource "aws_db_instance" "this" {
  identifier                      = "${var.name_prefix}-postgres"
  engine                          = "postgres"
  engine_version                  = var.postgres_version
  instance_class                  = var.db_instance_class
  allocated_storage               = var.db_allocated_storage_gb
  max_allocated_storage           = var.db_max_allocated_storage_gb
  storage_type                    = "gp3"
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.data.arn
  db_name                         = var.db_name
  username                        = var.db_owner_user
  password                        = random_password.db_owner.result
  port                            = 5432
  multi_az                        = var.db_multi_az
  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.postgres.id]
  parameter_group_name            = aws_db_parameter_group.this.name
  publicly_accessible             = false
  backup_retention_period         = var.db_backup_retention_days
  copy_tags_to_snapshot           = true
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = !var.deletion_protection
  final_snapshot_identifier       = "${var.name_prefix}-postgres-final"
  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.data.arn
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_secretsmanager_secret" "db_owner" {
  name                    = "${var.name_prefix}/db-owner"
  description             = "PostgreSQL owner (migrations, backups)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "db_owner" {
  secret_id = aws_secretsmanager_secret.db_owner.id
  secret_string = jsonencode({
    username = var.db_owner_user
    password = random_password.db_owner.result
  })
}

resource "aws_secretsmanager_secret" "db_app" {
  name                    = "${var.name_prefix}/db-app"
  description             = "PostgreSQL application role flextime_app (row-level security applies)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "db_app" {
  secret_id = aws_secretsmanager_secret.db_app.id
  secret_string = jsonencode({
    username = var.db_app_user
    password = random_password.db_app.result
  })
}

# ---- Redis ----

resource "aws_security_group" "redis" {
  name        = "${var.name_prefix}-redis"
  description = "Redis: reachable from the functions only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  for_each                     = toset(var.client_security_group_ids)
  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from a client security group"
}

resource "aws_elasticache_subnet_group" "this" {
  name       = "${var.name_prefix}-redis"
  subnet_ids = var.subnet_ids
}

resource "random_password" "redis" {
  length  = 64
  special = false
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = "${var.name_prefix}-redis"
  description                = "FlexTime checkpoints, locks, idempotency keys"
  engine                     = "redis"
  engine_version             = var.redis_version
  node_type                  = var.redis_node_type
  num_cache_clusters         = var.redis_replicas + 1
  automatic_failover_enabled = var.redis_replicas > 0
  multi_az_enabled           = var.redis_replicas > 0
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.redis.id]
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  transit_encryption_enabled = true
  auth_token                 = random_password.redis.result
  snapshot_retention_limit   = 3
  apply_immediately          = false
}

resource "aws_secretsmanager_secret" "redis" {
  name                    = "${var.name_prefix}/redis"
  description             = "ElastiCache Redis AUTH token"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id = aws_secretsmanager_secret.redis.id
  secret_string = jsonencode({
    auth_token = random_password.redis.result
    host       = aws_elasticache_replication_group.this.primary_endpoint_address
    port       = 6379
  })
}

resource "aws_secretsmanager_secret" "db_backup" {
  name                    = "${var.name_prefix}/db-backup"
  description             = "PostgreSQL login of the backup function's role flextime_backup"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "db_backup" {
  secret_id = aws_secretsmanager_secret.db_backup.id
  secret_string = jsonencode({
    username = "flextime_backup"
    password = random_password.db_backup.result
  })
}

# ---- encryption keys (key rings: id=base64 pairs, the active id) ----

# The backup function's master keys, FLEXTIME_BACKUP_KEYS / FLEXTIME_BACKUP_KEY_ID. Rotating: add a
# key to `keys` and make it `active`, keep the old ids while backups sealed under them are kept (the
# manifest names its key id). Losing a key makes its backups unreadable: the secret is kept for the
# recovery window after deletion, and RDS snapshots remain as a second line. Terraform creates the
# first key only (ignore_changes: rotations are made in Secrets Manager).
resource "random_bytes" "backup_key" {
  length = 32
}

resource "aws_secretsmanager_secret" "backup_key" {
  name                    = "${var.name_prefix}/backup-key"
  description             = "AES-256-GCM master keys of the backup function (keys = id=base64,..., active = id)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}

resource "aws_secretsmanager_secret_version" "backup_key" {
  secret_id     = aws_secretsmanager_secret.backup_key.id
  secret_string = jsonencode({ keys = "bk-1=${random_bytes.backup_key.base64}", active = "bk-1" })
  lifecycle {
    ignore_changes = [secret_string]
  }
}

# The key ring that seals secrets at rest (webhook signing secrets), FLEXTIME_SECRETS_KEYS /
# FLEXTIME_SECRETS_KEY_ID; rotated the same way (secrets sealed under an old id stay readable).
resource "random_bytes" "secrets_key" {
  length = 32
}

resource "aws_secretsmanager_secret" "secrets_key" {
  name                    = "${var.name_prefix}/secrets-key"
  description             = "AES-256-GCM key ring sealing secrets at rest (keys = id=base64,..., active = id)"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 30
}

resource "aws_secretsmanager_secret_version" "secrets_key" {
  secret_id     = aws_secretsmanager_secret.secrets_key.id
  secret_string = jsonencode({ keys = "sec-1=${random_bytes.secrets_key.base64}", active = "sec-1" })
  lifecycle {
    ignore_changes = [secret_string]
  }
}
