variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database and cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two availability zones)."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect (the functions')."
  type        = list(string)
}

variable "postgres_version" {
  description = "RDS PostgreSQL engine version (major 15: the version the migrations are tested on)."
  type        = string
  default     = "15"
  validation {
    condition     = startswith(var.postgres_version, "15")
    error_message = "FlexTime is built and tested on PostgreSQL 15."
  }
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "db_allocated_storage_gb" {
  type    = number
  default = 50
}

variable "db_max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling."
  type        = number
  default     = 500
}

variable "db_multi_az" {
  description = "A standby in a second availability zone (recommended in production)."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "RDS automated snapshots, in addition to the backup function's logical backups."
  type        = number
  default     = 7
}

variable "db_name" {
  type    = string
  default = "flextime"
}

variable "db_owner_user" {
  description = "Schema owner: migrations and backups."
  type        = string
  default     = "flextime"
}

variable "db_app_user" {
  description = "The functions' role, created NOLOGIN by the migrations."
  type        = string
  default     = "flextime_app"
}

variable "deletion_protection" {
  description = "Protect the database from deletion and take a final snapshot on destroy."
  type        = bool
  default     = true
}

variable "secret_recovery_days" {
  type    = number
  default = 7
}

variable "redis_version" {
  type    = string
  default = "7.1"
}

variable "redis_node_type" {
  type    = string
  default = "cache.t4g.small"
}

variable "redis_replicas" {
  description = "Read replicas; with at least one, automatic failover and Multi-AZ are on."
  type        = number
  default     = 1
}
