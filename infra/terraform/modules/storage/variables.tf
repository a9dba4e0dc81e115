variable "name_prefix" {
  description = "Prefix of every resource name, e.g. flextime-prod."
  type        = string
}

variable "bucket_suffix" {
  description = "Appended to bucket names to make them globally unique, e.g. \"-123456789012\"."
  type        = string
  default     = ""
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets (never in production)."
  type        = bool
  default     = false
}

variable "noncurrent_days" {
  description = "Days a replaced or deleted object version is kept."
  type        = number
  default     = 30
}

variable "quarantine_days" {
  description = "Days a quarantined upload is kept under quarantine/ in the data bucket."
  type        = number
  default     = 90
}

variable "backup_archive_days" {
  description = "Age after which backup objects move to Glacier Instant Retrieval (still restorable at once)."
  type        = number
  default     = 30
}

variable "audit_retention_days" {
  description = "Days each shipped audit object is locked (S3 Object Lock, compliance mode: nobody can shorten it)."
  type        = number
  default     = 400
}
