variable "name_prefix" {
  type = string
}

variable "topics_file" {
  description = "Path of events/src/main/resources/flextime/events/topics.txt (the `.dlq` topics are alarmed)."
  type        = string
}

variable "event_lambdas" {
  description = "modules/functions output event_lambdas."
  type = map(object({
    function  = string
    export    = string
    name      = string
    trigger   = string
    timeout_s = number
  }))
}

variable "http_lambdas" {
  description = "modules/functions output http_lambdas."
  type = map(object({
    name = string
  }))
}

variable "failure_queues" {
  description = "Failure queue name per function."
  type        = map(string)
}

variable "scheduler_dlq_name" {
  type = string
}

variable "kafka_cluster_name" {
  type = string
}

variable "alarm_emails" {
  description = "Addresses subscribed to the alarm topic (each confirms by mail)."
  type        = list(string)
  default     = []
}

variable "offset_lag_threshold" {
  description = "Records an event source mapping may lag behind before it alarms."
  type        = number
  default     = 1000
}

variable "solve_duration_ratio" {
  description = "Fraction of the solve Lambda's timeout above which an invocation alarms."
  type        = number
  default     = 0.95
}
