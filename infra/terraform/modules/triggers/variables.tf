variable "name_prefix" {
  type = string
}

variable "event_lambdas" {
  description = "modules/functions output event_lambdas."
  type = map(object({
    function               = string
    export                 = string
    arn                    = string
    name                   = string
    qualifier              = string
    trigger                = string
    topics                 = list(string)
    schedule               = string
    schedule_timezone      = string
    batch_size             = number
    maximum_retry_attempts = number
    failure_queue          = string
  }))
}

variable "uploads_bucket_name" {
  type = string
}

variable "uploads_bucket_arn" {
  type = string
}

variable "uploads_prefix" {
  description = "Objects created under this prefix trigger ingest (keys uploads/<tenant>/...)."
  type        = string
  default     = "uploads/"
}

variable "kafka_cluster_arn" {
  type = string
}

variable "kafka_maximum_pollers" {
  description = "Upper bound of provisioned event pollers per mapping (one poller reads up to 5 MB/s)."
  type        = number
  default     = 3
}
