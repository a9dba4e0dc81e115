variable "topics_file" {
  description = "Path of events/src/main/resources/flextime/events/topics.txt, the list of every topic."
  type        = string
}

variable "partitions" {
  description = "Partitions per event topic: the parallelism of each Lambda event source mapping."
  type        = number
  default     = 6
}

variable "dlq_partitions" {
  type    = number
  default = 1
}

variable "replication_factor" {
  type    = number
  default = 3
}

variable "retention_days" {
  type    = number
  default = 7
}

variable "dlq_retention_days" {
  description = "Dead letters wait for an operator's replay: keep them longer than events."
  type        = number
  default     = 28
}
