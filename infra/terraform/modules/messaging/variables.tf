variable "name_prefix" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets, one per availability zone (2 or 3); one broker group per subnet."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to produce (the functions')."
  type        = list(string)
}

variable "kafka_version" {
  description = "Broker version; the functions' Kafka 4.x clients talk to brokers 2.1 and newer."
  type        = string
  default     = "3.6.0"
}

variable "broker_instance_type" {
  type    = string
  default = "kafka.m7g.large"
}

variable "brokers_per_az" {
  type    = number
  default = 1
}

variable "broker_volume_gb" {
  type    = number
  default = 100
}

variable "default_partitions" {
  description = "Partitions of a topic created without an explicit count."
  type        = number
  default     = 6
}

variable "retention_hours" {
  description = "Default record retention (the DLQ topics get their own, longer one in modules/topics)."
  type        = number
  default     = 168
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "logs_kms_key_arn" {
  description = "KMS key of the CloudWatch log groups (null: CloudWatch's own encryption)."
  type        = string
  default     = null
}
