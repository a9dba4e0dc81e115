output "api_endpoint" {
  description = "Base URL of the HTTP API (POST/GET /<@Funq name>, with a JWT)."
  value       = module.api.endpoint
}

output "api_routes" {
  value = module.api.route_keys
}

output "buckets" {
  description = "Bucket per role; upload a season to s3://<uploads>/uploads/<tenant>/..."
  value       = module.storage.bucket_names
}

output "db_host" {
  value = module.data.db_host
}

output "db_url" {
  description = "JDBC URL for ./flextime db migrate (FLEXTIME_DB_URL), run from the repository root: verify-full against the RDS CA bundle that scripts/package-functions.sh puts in infra/terraform/dist."
  value       = "jdbc:postgresql://${module.data.db_host}:${module.data.db_port}/${module.data.db_name}?sslmode=verify-full&sslrootcert=infra/terraform/dist/rds-global-bundle.pem"
}

output "secret_arns" {
  description = "Secrets Manager ARNs: db_owner, db_app, db_backup, redis, backup_key, secrets_key."
  value       = module.data.secret_arns
}

output "kafka_bootstrap_brokers_sasl_iam" {
  description = "Bootstrap brokers (TLS + IAM authentication) for envs/example/topics and Kafka tools."
  value       = module.messaging.bootstrap_brokers_sasl_iam
}

output "lambdas" {
  description = "Lambda name per \"<function>.<@Funq>\" (events build) and \"<function>.http\"."
  value = merge(
    { for k, e in module.functions.event_lambdas : k => e.name },
    { for fn, h in module.functions.http_lambdas : format("%s.http", fn) => h.name }
  )
}

output "schedules" {
  value = module.triggers.schedules
}

output "alarm_topic_arn" {
  value = module.observability.alarm_topic_arn
}

output "config_parameter_path" {
  value = module.functions.config_parameter_path
}

output "operators_role_arn" {
  description = "Assume it to reach the operator doors (infra/terraform/scripts/operator-invoke.sh)."
  value       = module.functions.operators_role_arn
}

output "operator_lambdas" {
  description = "The http Lambdas serving operator doors (no API route), and those doors."
  value       = module.functions.operator_lambdas
}
