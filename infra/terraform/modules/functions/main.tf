# One Lambda per (function, entry point) of the events build and one Lambda per function of the
# http build, from the zips of scripts/package-functions.sh. Each function has its own role (least
# privilege), its own failure queue (async on-failure destination and event source mapping
# on-failure destination) and log groups with retention.
#
# Configuration: the code reads environment variables only (`${VAR:default}` in
# microprofile-config.properties / application.properties). Non-secret values are published to SSM
# Parameter Store under /<prefix>/config/ for operators and tools; secrets are read from Secrets
# Manager at apply time and reach the Lambdas as environment variables encrypted with this
# module's KMS key (re-apply after rotating a secret).

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  # Handler and runtime per build kind: Quarkus' funqy-amazon-lambda (events) and
  # amazon-lambda-http (http) handlers on the JVM; a native image is its own `bootstrap`.
  handlers = {
    native = {
      runtime = "provided.al2023"
      events  = "bootstrap"
      http    = "bootstrap"
    }
    jvm = {
      runtime = "java17"
      events  = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
      http    = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
    }
  }
  # Every Lambda of the events build: key "<function>.<@Funq name>".
  event_entries = { for e in flatten([
    for fn, f in var.functions : [
      for name, entry in f.entry_points : {
        key                    = "${fn}.${name}"
        function               = fn
        export                 = name
        lambda_name            = "${var.name_prefix}-${fn}-${name}"
        trigger                = entry.trigger
        topics                 = entry.topics
        schedule               = entry.schedule
        schedule_timezone      = entry.schedule_timezone
        batch_size             = entry.batch_size
        maximum_retry_attempts = entry.maximum_retry_attempts
        memory_mb              = coalesce(entry.memory_mb, f.memory_mb)
        timeout_s              = coalesce(entry.timeout_s, f.timeout_s)
        reserved_concurrency   = entry.reserved_concurrency
      }
    ]
  ]) : e.key => e }

  http_functions = { for fn, f in var.functions : fn => f.http if f.http != null }
  # Functions whose http Lambda serves operator doors (invoked directly by the operators role only).
  operator_functions = { for fn, h in local.http_functions : fn => h if length(h.operator_routes) > 0 }

  # Every Lambda is published and invoked through its alias "live" (triggers, API routes, schedules), so a
  # SnapStart snapshot, taken when a version is published, serves every invocation.
  snap_start = var.runtime_mode == "jvm" && var.snap_start
  alias      = "live"
  # JVM builds: C1 only, as Quarkus' SnapStart guide recommends (faster first invocations, before and after a restore).
  runtime_env = var.runtime_mode == "jvm" ? { JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1" } : {}

  secret_names = ["db_app", "db_backup", "redis", "backup_key", "secrets_key"]
  secrets      = { for name in local.secret_names : name => jsondecode(data.aws_secretsmanager_secret_version.this[name].secret_string) }

  # The variables every function reads (functions/core/.../microprofile-config.properties).
  shared_env = {
    QUARKUS_PROFILE           = "aws"
    FLEXTIME_PG_HOST          = var.config.pg_host
    FLEXTIME_PG_PORT          = tostring(var.config.pg_port)
    FLEXTIME_DB_NAME          = var.config.db_name
    FLEXTIME_DB_APP_USER      = jsondecode(data.aws_secretsmanager_secret_version.this["db_app"].secret_string).username
    FLEXTIME_DB_APP_PASSWORD  = jsondecode(data.aws_secretsmanager_secret_version.this["db_app"].secret_string).password
    FLEXTIME_REDIS_URL        = format("rediss://:%s@%s:%d", jsondecode(data.aws_secretsmanager_secret_version.this["redis"].secret_string).auth_token, var.config.redis_host, var.config.redis_port)
    FLEXTIME_KAFKA_BOOTSTRAP  = var.config.kafka_bootstrap
    FLEXTIME_BUCKET_UPLOADS   = var.config.buckets["uploads"]
    FLEXTIME_BUCKET_DATA      = var.config.buckets["data"]
    FLEXTIME_BUCKET_EXPORTS   = var.config.buckets["exports"]
    FLEXTIME_BUCKET_BACKUPS   = var.config.buckets["backups"]
    FLEXTIME_BUCKET_AUDIT     = var.config.buckets["audit"]
    FLEXTIME_PG_CA_FILE       = var.config.pg_ca_file
    FLEXTIME_JWT_JWKS         = var.config.jwt.jwks_url
    FLEXTIME_JWT_ISSUER       = var.config.jwt.issuer
    FLEXTIME_JWT_AUDIENCE     = join(",", var.config.jwt.audiences)
    FLEXTIME_JWT_TENANT_CLAIM = var.config.jwt.tenant_claim
    FLEXTIME_JWT_ROLES_CLAIM  = var.config.jwt.roles_claim
  }

  # What SSM publishes: everything but secrets.
  public_config = {
    FLEXTIME_PG_HOST         = var.config.pg_host
    FLEXTIME_PG_PORT         = tostring(var.config.pg_port)
    FLEXTIME_DB_NAME         = var.config.db_name
    FLEXTIME_REDIS_HOST      = var.config.redis_host
    FLEXTIME_KAFKA_BOOTSTRAP = var.config.kafka_bootstrap
    FLEXTIME_BUCKET_UPLOADS  = var.config.buckets["uploads"]
    FLEXTIME_BUCKET_DATA     = var.config.buckets["data"]
    FLEXTIME_BUCKET_EXPORTS  = var.config.buckets["exports"]
    FLEXTIME_BUCKET_BACKUPS  = var.config.buckets["backups"]
    FLEXTIME_BUCKET_AUDIT    = var.config.buckets["audit"]
    FLEXTIME_JWT_JWKS        = var.config.jwt.jwks_url
    FLEXTIME_JWT_ISSUER      = var.config.jwt.issuer
  }

  # A function's own variables (tfvars `environment`, and `secret_environment` resolved from Secrets
  # Manager); every Lambda gets shared_env + these (+ QUARKUS_FUNQY_EXPORT for the events build).
  function_env = { for fn, f in var.functions : fn => merge(f.environment, {
    for name, ref in f.secret_environment : name => local.secrets[split(".", ref)[0]][split(".", ref)[1]]
  }) }
}

# ---- configuration ----

data "aws_secretsmanager_secret_version" "this" {
  for_each  = toset(local.secret_names)
  secret_id = var.secret_arns[each.value]
}

resource "aws_ssm_parameter" "config" {
  for_each    = local.public_config
  name        = "/${var.name_prefix}/config/${each.key}"
  description = "FlexTime deployed configuration (the Lambdas get it as environment variable ${each.key})"
  type        = "String"
  value       = each.value
}

resource "aws_ssm_parameter" "secret_arns" {
  for_each    = var.secret_arns
  name        = "/${var.name_prefix}/secrets/${each.key}"
  description = "Secrets Manager ARN of the ${each.key} credentials"
  type        = "String"
  value       = each.value
}

resource "aws_kms_key" "functions" {
  description             = "${var.name_prefix}: Lambda environment variables"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "functions" {
  name          = "alias/${var.name_prefix}-functions"
  target_key_id = aws_kms_key.functions.key_id
}

# ---- failures ----

# Where async invocations (S3, schedules) and event source mapping batches go once Lambda gives up.
# Kafka records the code itself dead-letters go to the `<function>.dlq` topics instead.
resource "aws_sqs_queue" "failures" {
  for_each                  = var.functions
  name                      = "${var.name_prefix}-${each.key}-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

# ---- logs ----

resource "aws_cloudwatch_log_group" "events" {
  for_each          = local.event_entries
  name              = "/aws/lambda/${each.value.lambda_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}

resource "aws_cloudwatch_log_group" "http" {
  for_each          = local.http_functions
  name              = "/aws/lambda/${var.name_prefix}-${each.key}-http"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}

# ---- the Lambdas ----

resource "aws_lambda_function" "events" {
  for_each                       = local.event_entries
  function_name                  = each.value.lambda_name
  description                    = "FlexTime ${each.value.function}: @Funq ${each.value.export} (${each.value.trigger} trigger)"
  role                           = aws_iam_role.function[each.value.function].arn
  filename                       = "${var.artifacts_dir}/${each.value.function}-events.zip"
  source_code_hash               = filebase64sha256("${var.artifacts_dir}/${each.value.function}-events.zip")
  runtime                        = local.handlers[var.runtime_mode].runtime
  handler                        = local.handlers[var.runtime_mode].events
  architectures                  = ["x86_64"]
  memory_size                    = each.value.memory_mb
  timeout                        = each.value.timeout_s
  reserved_concurrent_executions = each.value.reserved_concurrency == null ? -1 : each.value.reserved_concurrency
  kms_key_arn                    = aws_kms_key.functions.arn
  publish                        = true

  dynamic "snap_start" {
    for_each = local.snap_start ? ["PublishedVersions"] : []
    content {
      apply_on = snap_start.value
    }
  }

  environment {
    variables = merge(local.shared_env, local.runtime_env, lookup(local.function_env, each.value.function, {}), { QUARKUS_FUNQY_EXPORT = each.value.export })
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.events[each.key].name
  }

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_function" "http" {
  for_each                       = local.http_functions
  function_name                  = "${var.name_prefix}-${each.key}-http"
  description                    = "FlexTime ${each.key}: HTTP (${join(", ", concat(each.value.routes, each.value.operator_routes))})"
  role                           = aws_iam_role.function[each.key].arn
  filename                       = "${var.artifacts_dir}/${each.key}-http.zip"
  source_code_hash               = filebase64sha256("${var.artifacts_dir}/${each.key}-http.zip")
  runtime                        = local.handlers[var.runtime_mode].runtime
  handler                        = local.handlers[var.runtime_mode].http
  architectures                  = ["x86_64"]
  memory_size                    = each.value.memory_mb
  timeout                        = each.value.timeout_s
  reserved_concurrent_executions = each.value.reserved_concurrency == null ? -1 : each.value.reserved_concurrency
  kms_key_arn                    = aws_kms_key.functions.arn
  publish                        = true

  dynamic "snap_start" {
    for_each = local.snap_start ? ["PublishedVersions"] : []
    content {
      apply_on = snap_start.value
    }
  }

  # No QUARKUS_FUNQY_EXPORT: the http build serves every @Funq at /<name>.
  environment {
    variables = merge(local.shared_env, local.runtime_env, lookup(local.function_env, each.key, {}))
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.http[each.key].name
  }

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_alias" "events" {
  for_each         = local.event_entries
  name             = local.alias
  description      = "What the triggers invoke: the latest published version"
  function_name    = aws_lambda_function.events[each.key].function_name
  function_version = aws_lambda_function.events[each.key].version
}

resource "aws_lambda_alias" "http" {
  for_each         = local.http_functions
  name             = local.alias
  description      = "What the API invokes: the latest published version"
  function_name    = aws_lambda_function.http[each.key].function_name
  function_version = aws_lambda_function.http[each.key].version
}

# Async invocations (S3 notifications, EventBridge Scheduler): two retries, then the failure queue.
resource "aws_lambda_function_event_invoke_config" "events" {
  for_each                     = { for k, e in local.event_entries : k => e if e.trigger != "kafka" }
  function_name                = aws_lambda_function.events[each.key].function_name
  qualifier                    = aws_lambda_alias.events[each.key].name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 3600
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures[each.value.function].arn
    }
  }
}
