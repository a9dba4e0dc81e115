variable "name_prefix" {
  description = "Prefix of every resource name, e.g. flextime-prod (Lambda names are <prefix>-<function>-<entry>)."
  type        = string
}

variable "functions" {
  description = <<-EOT
    The five functions and their Lambda deployments, keyed by function (ingest, validate, solve,
    export, backup). Each `entry_points` key is the name of a @Funq method of that function: one
    Lambda of the events build per entry point, exporting it through QUARKUS_FUNQY_EXPORT, with its
    trigger (s3 | kafka | schedule). `http.routes` lists the HTTP @Funq methods of the public API, served
    by the one Lambda of the http build (API Gateway routes POST /<name> and GET /<name>);
    `http.operator_routes` the operators' doors (backups, restores, tenant registration) that the same
    Lambda serves with no API route: operators invoke it directly (IAM, role `operators`) with a
    platform operator's token (scripts/operator-invoke.sh).
    infra/terraform-tests checks every name, trigger kind, topic and variable against the code.
  EOT
  type = map(object({
    memory_mb            = number
    timeout_s            = number
    reserved_concurrency = optional(number)
    environment          = optional(map(string), {})
    # Variable name -> "<secret>.<field>", secret one of db_app, db_backup, redis, backup_key, secrets_key.
    secret_environment = optional(map(string), {})
    # S3 access of the function's role: "<bucket role>:<key prefix>", bucket role one of uploads,
    # data, exports, backups, audit; an empty prefix means the whole bucket.
    storage = optional(object({
      read  = optional(list(string), [])
      write = optional(list(string), [])
    }), {})
    http = optional(object({
      routes               = optional(list(string), [])
      operator_routes      = optional(list(string), [])
      memory_mb            = optional(number, 1024)
      timeout_s            = optional(number, 29)
      reserved_concurrency = optional(number)
    }))
    entry_points = optional(map(object({
      trigger                = string
      topics                 = optional(list(string), [])
      schedule               = optional(string)
      schedule_timezone      = optional(string, "UTC")
      batch_size             = optional(number, 10)
      maximum_retry_attempts = optional(number, 3)
      memory_mb              = optional(number)
      timeout_s              = optional(number)
      reserved_concurrency   = optional(number)
    })), {})
  }))

  validation {
    condition     = alltrue([for fn in keys(var.functions) : contains(["ingest", "validate", "solve", "export", "backup"], fn)])
    error_message = "Functions are ingest, validate, solve, export and backup."
  }
  validation {
    condition     = alltrue(flatten([for fn, f in var.functions : [for name, e in f.entry_points : contains(["s3", "kafka", "schedule"], e.trigger)]]))
    error_message = "An entry point's trigger is s3, kafka or schedule (HTTP entry points go in http.routes)."
  }
  validation {
    condition     = alltrue(flatten([for fn, f in var.functions : [for name, e in f.entry_points : (e.trigger == "kafka") == (length(e.topics) > 0)]]))
    error_message = "A kafka entry point lists its topics; other entry points list none."
  }
  validation {
    condition     = alltrue(flatten([for fn, f in var.functions : [for name, e in f.entry_points : (e.trigger == "schedule") == (e.schedule != null)]]))
    error_message = "A schedule entry point has a schedule expression (cron(...) or rate(...)); other entry points have none."
  }
  validation {
    condition     = alltrue([for fn, f in var.functions : f.timeout_s <= 900])
    error_message = "Lambda stops at 15 minutes (900 s); longer work chains continuations (see README)."
  }
}

variable "runtime_mode" {
  description = "native: the provided.al2023 zips of -Pnative builds (handler bootstrap); jvm: the JVM zips (java17)."
  type        = string
  default     = "native"
  validation {
    condition     = contains(["native", "jvm"], var.runtime_mode)
    error_message = "runtime_mode is native or jvm."
  }
}

variable "snap_start" {
  description = "JVM builds: Lambda SnapStart on published versions (Quarkus' Lambda extensions apply their SnapStart optimizations, class preloading and a warm-up before the snapshot, by default). Ignored for native images, which start fast without it."
  type        = bool
  default     = true
}

variable "artifacts_dir" {
  description = "Folder holding <function>-events.zip and <function>-http.zip (scripts/package-functions.sh)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the Lambdas run in (reaching RDS, ElastiCache and MSK)."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the Lambdas (allowed in by the database, cache and brokers)."
  type        = list(string)
}

variable "config" {
  description = "Endpoints and names the functions read (core microprofile-config.properties)."
  type = object({
    pg_host         = string
    pg_port         = number
    db_name         = string
    redis_host      = string
    redis_port      = number
    kafka_bootstrap = string
    buckets         = map(string)
    # The RDS CA bundle's path inside the function package (scripts/package-functions.sh puts it there).
    pg_ca_file = optional(string, "/var/task/rds-global-bundle.pem")
    # The identity provider the functions verify tokens against (README "Identity, roles and audit").
    jwt = object({
      jwks_url     = string
      issuer       = string
      audiences    = list(string)
      tenant_claim = optional(string, "tenant")
      roles_claim  = optional(string, "groups")
    })
  })
}

variable "operator_principals" {
  description = "IAM principals (ARNs) that may assume the operators role, which alone may invoke the operator doors."
  type        = list(string)
  default     = []
}

variable "bucket_arns" {
  description = "Bucket ARN per role (uploads, data, exports, backups)."
  type        = map(string)
}

variable "storage_kms_key_arn" {
  description = "The S3 objects' KMS key."
  type        = string
}

variable "secret_arns" {
  description = "Secrets Manager ARNs: db_app, db_owner, redis, backup_key (modules/data)."
  type        = map(string)
}

variable "kafka_cluster_arn" {
  description = "MSK cluster the kafka entry points' event source mappings read (describe permissions)."
  type        = string
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "logs_kms_key_arn" {
  description = "KMS key of the log groups (modules/observability)."
  type        = string
  default     = null
}
