output "db_host" {
  value = aws_db_instance.this.address
}

output "db_port" {
  value = aws_db_instance.this.port
}

output "db_name" {
  value = aws_db_instance.this.db_name
}

output "db_app_user" {
  value = var.db_app_user
}

output "redis_host" {
  value = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "redis_port" {
  value = 6379
}

output "secret_arns" {
  description = "Secrets Manager ARNs: db_owner, db_app and db_backup ({username, password}), redis ({auth_token, host, port}), backup_key and secrets_key ({keys, active})."
  value = {
    db_owner    = aws_secretsmanager_secret.db_owner.arn
    db_app      = aws_secretsmanager_secret.db_app.arn
    db_backup   = aws_secretsmanager_secret.db_backup.arn
    redis       = aws_secretsmanager_secret.redis.arn
    backup_key  = aws_secretsmanager_secret.backup_key.arn
    secrets_key = aws_secretsmanager_secret.secrets_key.arn
  }
}

output "kms_key_arn" {
  description = "Encrypts the database, the cache and their secrets."
  value       = aws_kms_key.data.arn
}

output "db_instance_id" {
  value = aws_db_instance.this.identifier
}
